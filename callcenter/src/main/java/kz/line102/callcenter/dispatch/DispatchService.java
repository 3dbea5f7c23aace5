package kz.line102.callcenter.dispatch;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.line102.callcenter.alert.AlertRequest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.alert.Severity;
import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.incident.Actor;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentStateException;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.incident.NoSuchIncidentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends units to incident cards and controls their arrival. Each sending gets an
 * arrival deadline from the card's priority; a unit not on scene by then raises an
 * alert to the duty officer. The card follows its units: the first one sent makes it
 * DISPATCHED, the first one on scene ARRIVED. Locks are taken card first, then unit,
 * everywhere, so concurrent sendings queue instead of deadlocking.
 */
@Service
public class DispatchService {

    private static final Logger log = LoggerFactory.getLogger(DispatchService.class);
    private static final Set<IncidentStatus> DISPATCHABLE = EnumSet.of(IncidentStatus.REGISTERED,
            IncidentStatus.DISPATCHED, IncidentStatus.ARRIVED);
    private static final int MAX_NOTE = 2000;
    private static final int OVERDUE_BATCH = 100;

    private final DutySheetService sheet;
    private final JdbcAssignmentRepository assignments;
    private final IncidentService incidents;
    private final AlertService alerts;
    private final DispatchProperties props;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DispatchService(DutySheetService sheet, JdbcAssignmentRepository assignments, IncidentService incidents,
                    AlertService alerts, DispatchProperties props, JdbcTemplate jdbc, JsonMapper json) {
        this.sheet = sheet;
        this.assignments = assignments;
        this.incidents = incidents;
        this.alerts = alerts;
        this.props = props;
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Assignment> assignments(UUID incidentId) {
        incidents.get(incidentId);
        return assignments.ofIncident(incidentId);
    }

    /** Sends an available (or busy) unit on duty to a registered card. */
    @Transactional
    public Assignment assign(String by, UUID incidentId, long unitId) {
        Incident card = lockCard(incidentId);
        if (card.status() == IncidentStatus.CLOSED) {
            throw new IncidentStateException(ProblemCodes.INCIDENT_CLOSED, "card " + label(card)
                    + " is closed; no unit is sent to it", card);
        }
        if (!DISPATCHABLE.contains(card.status())) {
            throw new ConflictException(ProblemCodes.NOT_DISPATCHABLE, "card " + label(card) + " is " + card.status()
                    + "; units are sent to registered cards until they are worked off");
        }
        Unit unit = sheet.locked(unitId);
        if (unit.status() == UnitStatus.OFF_DUTY) {
            throw new ConflictException(ProblemCodes.UNIT_OFF_DUTY, "unit " + unit.callSign() + " is off duty");
        }
        if (unit.status().onCard()) {
            throw new ConflictException(incidentId.equals(unit.incidentId()) ? "already-assigned" : "unit-on-card",
                    "unit " + unit.callSign() + " is already " + unit.status().code() + " on card "
                            + unit.incidentId() + "; release it first");
        }
        int priority = card.priority() == null ? 3 : card.priority();
        Duration deadline = props.deadlineFor(priority);
        long id = assignments.insert(incidentId, unitId, priority, by, deadline);
        Assignment sent = assignments.find(id).orElseThrow();
        sheet.moveForCard(unit, UnitStatus.DISPATCHED, incidentId, by, detail("sent", card, sent, null));
        if (card.status() == IncidentStatus.REGISTERED) {
            incidents.dispatch(Actor.supervisor(by), incidentId, null,
                    json.valueToTree(Map.of("unit", unit.callSign(), "deadlineAt", sent.deadlineAt().toString())));
        }
        log.info("incidentId={} unit {} sent by {}, on scene by {} (priority {})", incidentId, unit.callSign(), by,
                sent.deadlineAt(), priority);
        return assignments.find(id).orElseThrow();
    }

    /** The unit reports on scene; late if after its deadline (the answer says so). */
    @Transactional
    public Assignment arrive(String by, UUID incidentId, long unitId) {
        Incident card = lockCard(incidentId);
        Unit unit = sheet.locked(unitId);
        Assignment a = active(incidentId, unit);
        if (a.arrivedAt() != null) {
            throw new ConflictException(ProblemCodes.ALREADY_ARRIVED, "unit " + unit.callSign() + " reported on scene at "
                    + a.arrivedAt());
        }
        assignments.arrived(a.id(), by);
        Assignment arrived = assignments.find(a.id()).orElseThrow();
        sheet.moveForCard(unit, UnitStatus.ON_SCENE, incidentId, by, detail("arrived", card, arrived, null));
        if (card.status() == IncidentStatus.DISPATCHED) {
            incidents.arrive(Actor.supervisor(by), incidentId, null,
                    json.valueToTree(Map.of("unit", unit.callSign(), "late", arrived.late())));
        }
        if (arrived.late()) {
            log.warn("incidentId={} unit {} on scene at {}, after its deadline {}", incidentId, unit.callSign(),
                    arrived.arrivedAt(), arrived.deadlineAt());
        } else {
            log.info("incidentId={} unit {} on scene (by {})", incidentId, unit.callSign(), by);
        }
        return arrived;
    }

    /** The unit leaves the card (recalled before arrival, or done on scene) and is available again. */
    @Transactional
    public Assignment release(String by, UUID incidentId, long unitId, String note) {
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > MAX_NOTE) {
            throw new InvalidRequestException("'note' is longer than " + MAX_NOTE + " characters");
        }
        Incident card = lockCard(incidentId);
        Unit unit = sheet.locked(unitId);
        Assignment a = active(incidentId, unit);
        release(card, unit, a, by, n);
        return assignments.find(a.id()).orElseThrow();
    }

    /**
     * Frees every unit still on a card that was worked off, closed or cancelled; called
     * inside that transition's transaction, with the card locked.
     */
    void releaseAll(Incident card, String by) {
        for (Assignment a : assignments.activeOfIncident(card.id())) {
            release(card, sheet.locked(a.unitId()), a, by, "card " + card.status());
        }
    }

    private void release(Incident card, Unit unit, Assignment a, String by, String note) {
        assignments.released(a.id(), by, note);
        sheet.moveForCard(unit, UnitStatus.AVAILABLE, card.id(), by, detail("released", card, a, note));
        log.info("incidentId={} unit {} released by {}{}", card.id(), unit.callSign(), by,
                note == null ? "" : ": " + note);
    }

    /**
     * Alerts the duty officer of every sending past its deadline with the unit not on
     * scene. Each is raised once (its alert is keyed by the sending), whichever node and
     * however often this runs.
     */
    public int raiseLateAlerts() {
        List<Assignment> overdue = assignments.overdue(OVERDUE_BATCH);
        for (Assignment a : overdue) {
            Incident card = incidents.get(a.incidentId());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("unit", a.callSign());
            detail.put("unitId", a.unitId());
            detail.put("kui", card.kuiNumber());
            detail.put("kuiNumber", card.kuiNumber());
            detail.put("priority", a.priority());
            detail.put("assignedAt", a.assignedAt().toString());
            detail.put("deadlineAt", a.deadlineAt().toString());
            if (card.sceneAddress() != null) {
                detail.put("address", card.sceneAddress());
            }
            alerts.raise(new AlertRequest("unit-late:" + a.id(), "unit-late",
                    a.priority() == 1 ? Severity.CRITICAL : Severity.WARNING,
                    "Наряд " + a.callSign() + " не прибыл к сроку: " + label(card)
                            + (card.sceneAddress() == null ? "" : ", " + card.sceneAddress()),
                    detail, a.incidentId(), "system"));
            assignments.lateAlerted(a.id());
        }
        return overdue.size();
    }

    private Assignment active(UUID incidentId, Unit unit) {
        return assignments.active(incidentId, unit.id()).orElseThrow(() -> new ConflictException(ProblemCodes.NOT_ASSIGNED,
                "unit " + unit.callSign() + " is not sent to this card"));
    }

    private Incident lockCard(UUID incidentId) {
        List<UUID> found = jdbc.queryForList("select id from incidents where id = ? for update", UUID.class,
                incidentId);
        if (found.isEmpty()) {
            throw new NoSuchIncidentException(incidentId);
        }
        return incidents.get(incidentId);
    }

    private static String label(Incident card) {
        return card.kuiNumber() != null ? card.kuiNumber() : card.id().toString();
    }

    private static Map<String, Object> detail(String event, Incident card, Assignment a, String note) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("event", event);
        if (card.kuiNumber() != null) {
            d.put("kui", card.kuiNumber());
        }
        d.put("deadlineAt", a.deadlineAt().toString());
        if (note != null) {
            d.put("note", note);
        }
        return d;
    }
}
