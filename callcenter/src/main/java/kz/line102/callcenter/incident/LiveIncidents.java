package kz.line102.callcenter.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.line102.callcenter.incident.Watches.Watch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What the pages read besides single cards: the live cards on the duty officer's
 * screen, and the card of the call an operator just answered.
 */
@Service
public class LiveIncidents {

    /** A card between submit and close, as the duty officer's list shows it. */
    public record LiveCard(UUID id, IncidentStatus status, String kuiNumber, IncidentCategory category,
                           String typeCode, Integer priority, String sceneAddress, boolean sceneUnknown,
                           String callerNumber, String createdBy, int repeatCount, Instant createdAt,
                           Instant statusSince, boolean carriedOver) {
    }

    /**
     * @param watch the current watch
     * @param items every card submitted and not yet closed, most urgent first; a card
     *              opened in an earlier watch and still not closed is {@code carriedOver}
     *              rather than hidden, because it still needs the duty officer
     */
    public record Live(Watch watch, List<LiveCard> items, int limit) {
    }

    private static final int LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final JdbcIncidentRepository repo;
    private final IncidentService incidents;
    private final Watches watches;

    LiveIncidents(JdbcTemplate jdbc, JdbcIncidentRepository repo, IncidentService incidents, Watches watches) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.incidents = incidents;
        this.watches = watches;
    }

    public Live live() {
        Watch watch = watches.current();
        // incidents_status covers exactly the open cards, so this stays cheap as the table grows.
        List<LiveCard> items = jdbc.query("""
                select i.id, i.status, i.kui_number, i.category, i.type_code, i.priority, i.scene_address,
                    i.scene_unknown, i.caller_number, i.created_by, i.repeat_count, i.created_at,
                    (select max(t.at) from incident_transitions t where t.incident_id = i.id) as status_since
                from incidents i
                where i.status in ('SUBMITTED', 'REGISTERED', 'DISPATCHED', 'ARRIVED', 'WORKED_OFF')
                order by i.priority nulls last, i.created_at, i.id limit ?""", (rs, n) -> {
            String category = rs.getString("category");
            Instant created = rs.getTimestamp("created_at").toInstant();
            Timestamp since = rs.getTimestamp("status_since");
            return new LiveCard(rs.getObject("id", UUID.class), IncidentStatus.valueOf(rs.getString("status")),
                    rs.getString("kui_number"), category == null ? null : IncidentCategory.valueOf(category),
                    rs.getString("type_code"), (Integer) rs.getObject("priority"), rs.getString("scene_address"),
                    rs.getBoolean("scene_unknown"), rs.getString("caller_number"), rs.getString("created_by"),
                    rs.getInt("repeat_count"), created, since == null ? created : since.toInstant(),
                    created.isBefore(watch.start()));
        }, LIMIT);
        return new Live(watch, items, LIMIT);
    }

    /** The card linked to this call, with the open cards from the same number to consider linking it to. */
    public Optional<IncidentService.Opened> ofCall(UUID callId) {
        return repo.incidentOfCall(callId).map(id -> {
            Incident card = incidents.get(id);
            return new IncidentService.Opened(card, false,
                    incidents.repeatCandidates(card.callerNumberE164(), card.id()));
        });
    }
}
