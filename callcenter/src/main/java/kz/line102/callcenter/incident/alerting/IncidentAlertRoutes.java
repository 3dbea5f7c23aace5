package kz.line102.callcenter.incident.alerting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.alert.Alert;
import kz.line102.callcenter.alert.AlertRequest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.alert.Severity;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentType;
import kz.line102.callcenter.jobs.ErrorHandlers;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.jobs.JobRoutes;
import kz.line102.callcenter.jobs.JobStep;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Content-based routing of registered cards: the {@value #DECIDE_ROUTE} route reads the
 * card of each {@code alert} job and, by its type's seriousness, either raises an
 * immediate alert to the duty officer or lets the card pass. The alert's dedup key is
 * the card, so a job run twice (a retry after the alert was stored, a node that died
 * before completing the job, a replay) still shows the duty officer one alert.
 * Jobs come from the job engine ({@link JobRoutes}): a wake-up right after the
 * registration commits, and a poll for what it missed.
 */
@Component
public class IncidentAlertRoutes extends JobRoutes {

    public static final String FLOW = "incident-alert";
    public static final String WAKE_ROUTE = FLOW + "-wake";
    public static final String POLL_ROUTE = FLOW + "-poll";
    public static final String DECIDE_ROUTE = "incident-alert-decide";
    static final String DECIDE_URI = "direct:incident-alert-decide";
    private static final String CARD = "line102.incident";
    private static final String TYPE = "line102.type";
    private static final String ALERTING = "line102.alerting";
    private static final Logger log = LoggerFactory.getLogger(IncidentAlertRoutes.class);

    private final IncidentService incidents;
    private final IncidentJobs jobs;
    private final AlertService alerts;
    private final IncidentAlertingProperties props;
    private final Counter passed;

    IncidentAlertRoutes(IncidentService incidents, IncidentJobs jobs, AlertService alerts,
                        IncidentAlertingProperties props, MeterRegistry meters) {
        super(meters);
        this.incidents = incidents;
        this.jobs = jobs;
        this.alerts = alerts;
        this.props = props;
        this.passed = Counter.builder("line102.callcenter.incidents.alerting.passed")
                .description("registered cards whose type raises no alert").register(meters);
    }

    @Override
    public void configure() {
        jobRoutes(JobStep.of(FLOW, IncidentAlertEnqueuer.STEP, jobs, props, through(DECIDE_URI)).byKey());

        // Failures go back to the job engine, which retries the job or parks it as dead.
        from(DECIDE_URI)
                .routeId(DECIDE_ROUTE)
                .errorHandler(ErrorHandlers.toTheJob())
                .process(this::read)
                .choice()
                    .when(exchangeProperty(ALERTING).isEqualTo(true))
                        .process(this::raise)
                    .otherwise()
                        .process(this::pass)
                .end();
    }

    private void read(Exchange e) {
        IncidentJob job = e.getIn().getBody(IncidentJob.class);
        Incident card = incidents.get(job.incidentId());
        Optional<IncidentType> type = card.typeCode() == null ? Optional.empty() : incidents.type(card.typeCode());
        if (type.isEmpty()) {
            // A type taken off the list since the card was filled in: not knowing how
            // serious it is is no reason to keep quiet about it.
            log.warn("incidentId={} type '{}' is not configured; alerting the duty officer to be safe", card.id(),
                    card.typeCode());
        }
        e.setProperty(CARD, card);
        e.setProperty(TYPE, type.orElse(null));
        e.setProperty(ALERTING, type.map(IncidentType::alerting).orElse(true));
    }

    private void pass(Exchange e) {
        passed.increment();
        Incident card = e.getProperty(CARD, Incident.class);
        log.debug("incidentId={} type {} raises no alert", card.id(), card.typeCode());
    }

    private void raise(Exchange e) {
        Incident card = e.getProperty(CARD, Incident.class);
        IncidentType type = e.getProperty(TYPE, IncidentType.class);
        String seriousness = type == null ? "unknown-type" : type.seriousness();
        String typeName = type == null ? card.typeCode() : type.names().getOrDefault("ru", type.code());
        String where = card.sceneAddress() != null && !card.sceneAddress().isBlank() ? card.sceneAddress()
                : "место не установлено";
        String title = typeName + " — " + where + " · " + card.kuiNumber() + " · приоритет " + card.priority();
        if (title.length() > 500) {
            title = title.substring(0, 499) + "…";
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        put(detail, "kuiNumber", card.kuiNumber());
        put(detail, "typeCode", card.typeCode());
        put(detail, "typeName", typeName);
        put(detail, "category", card.category() == null ? null : card.category().name());
        put(detail, "seriousness", seriousness);
        put(detail, "priority", card.priority());
        put(detail, "sceneAddress", card.sceneAddress());
        put(detail, "sceneLat", card.sceneLat());
        put(detail, "sceneLon", card.sceneLon());
        put(detail, "sceneUnknown", card.sceneUnknown());
        put(detail, "registeredAt", card.registeredAt() == null ? null : card.registeredAt().toString());
        Alert alert = alerts.raise(new AlertRequest(dedupKey(card.id()), "incident-" + seriousness,
                severity(seriousness, card.priority()), title, detail, card.id(), "system:alerting"));
        log.info("incidentId={} alertId={} duty officer alerted ({})", card.id(), alert.id(), seriousness);
    }

    /** One alert per card, whatever runs the job again. */
    static String dedupKey(UUID incidentId) {
        return "incident-registered:" + incidentId;
    }

    /** Serious offences warn; the rest, and anything with a threat to life now, is critical. */
    static Severity severity(String seriousness, Integer priority) {
        if ("serious".equals(seriousness) && (priority == null || priority > 1)) {
            return Severity.WARNING;
        }
        return Severity.CRITICAL;
    }

    private static void put(Map<String, Object> detail, String key, Object value) {
        if (value != null) {
            detail.put(key, value);
        }
    }
}
