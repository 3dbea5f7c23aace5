package kz.line102.callcenter.linehealth;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.line102.callcenter.alert.Alert;
import kz.line102.callcenter.alert.AlertRequest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.alert.Severity;
import kz.line102.callcenter.app.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns conditions into incidents and alerts: one alert per incident (its dedup key is
 * the incident, so a retry or a second node raises nothing more), and when the
 * condition clears the incident ends and its alert is acknowledged by {@code system}
 * with the reason, unless a supervisor acknowledged it first. The incidents table
 * keeps the history; the alert keeps who saw it.
 */
@Component
class LineHealthAlarms {

    static final String TARGET_DOWN = "target-down";
    static final String TEST_CALL_FAILED = "test-call-failed";
    private static final Logger log = LoggerFactory.getLogger(LineHealthAlarms.class);

    private final JdbcAlarmRepository incidents;
    private final AlertService alerts;

    LineHealthAlarms(JdbcAlarmRepository incidents, AlertService alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
    }

    void targetDown(Target t, String detail) {
        raise(TARGET_DOWN, t.id(), t.name(), "line-health-down", Severity.CRITICAL,
                "Линия 102: SIP-узел «" + t.name() + "» (" + t.host() + ":" + t.port() + ") недоступен",
                Map.of("target", t.name(), "host", t.host(), "port", t.port(), "transport", t.transport()), detail);
    }

    void targetBack(Target t, String why) {
        targetBack(t.id(), why);
    }

    void targetBack(long targetId, String why) {
        clear(TARGET_DOWN, targetId, why);
    }

    void testCallFailed(String number, String outcome, String detail) {
        raise(TEST_CALL_FAILED, null, number, "line-health-test-call", Severity.CRITICAL,
                "Линия 102: контрольный вызов на " + number + " не прошёл (" + outcome + ")",
                Map.of("number", number, "outcome", outcome), detail);
    }

    void testCallPassed(String why) {
        clear(TEST_CALL_FAILED, null, why);
    }

    private void raise(String kind, Long targetId, String subject, String alertKind, Severity severity, String title,
                       Map<String, Object> facts, String detail) {
        incidents.open(kind, targetId, subject, detail).ifPresent(incident -> {
            Map<String, Object> d = new LinkedHashMap<>(facts);
            d.put("detail", detail == null ? "" : detail);
            d.put("lineHealthIncident", incident.id());
            Alert alert = alerts.raise(new AlertRequest("line-health:" + incident.id(), alertKind, severity, title, d,
                    null, "system"));
            incidents.attachAlert(incident.id(), alert.id());
            log.warn("lineHealthIncident={} {} {} opened, alertId={}: {}", incident.id(), kind, subject, alert.id(),
                    detail);
        });
    }

    private void clear(String kind, Long targetId, String why) {
        incidents.close(kind, targetId).ifPresent(incident -> {
            log.warn("lineHealthIncident={} {} {} ended: {}", incident.id(), kind, incident.subject(), why);
            if (incident.alertId() == null) {
                return;
            }
            try {
                alerts.acknowledge(incident.alertId(), "system", "cleared: " + why);
            } catch (ConflictException alreadySeen) {
                // A supervisor acknowledged it while it lasted; their acknowledgement stands.
                log.info("alertId={} was acknowledged before the condition cleared", incident.alertId());
            }
        });
    }
}
