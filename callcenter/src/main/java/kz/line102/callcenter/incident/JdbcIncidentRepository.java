package kz.line102.callcenter.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.line102.callcenter.incident.Incident.LinkedCall;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The incidents, incident_calls, incident_transitions and kui_counters tables. */
@Repository
class JdbcIncidentRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    JdbcIncidentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertDraft(UUID id, String unit, String createdBy, String number, String e164, String name, String address) {
        jdbc.update("""
                insert into incidents (id, status, unit_code, created_by, caller_number, caller_number_e164,
                    caller_name, caller_address) values (?, 'DRAFT', ?, ?, ?, ?, ?, ?)""",
                id, unit, createdBy, number, e164, name, address);
    }

    Optional<Incident> find(UUID id) {
        return jdbc.query("select * from incidents where id = ?", ROW, id).stream().findFirst()
                .map(i -> i.withCalls(calls(id)));
    }

    /** The card, locked for the rest of the transaction. */
    Optional<Incident> lock(UUID id) {
        return jdbc.query("select * from incidents where id = ? for update", ROW, id).stream().findFirst()
                .map(i -> i.withCalls(calls(id)));
    }

    /** Writes the fields the operator fills in; the caller checked the version under the lock. */
    void updateFields(UUID id, Valid v) {
        jdbc.update("""
                update incidents set category = ?, type_code = ?, priority = ?, caller_number = ?,
                    caller_number_e164 = ?, caller_name = ?, caller_address = ?, scene_address = ?, scene_lat = ?,
                    scene_lon = ?, scene_unknown = ?, description = ?, persons = ?::jsonb, vehicles = ?::jsonb,
                    operator_notes = ?, version = version + 1, updated_at = clock_timestamp()
                where id = ?""", v.category() == null ? null : v.category().name(), v.typeCode(), v.priority(),
                v.callerNumber(), v.callerNumberE164(), v.callerName(), v.callerAddress(), v.sceneAddress(),
                v.sceneLat(), v.sceneLon(), v.sceneUnknown(), v.description(), v.persons().toString(),
                v.vehicles().toString(), v.operatorNotes(), id);
    }

    /** The fields after validation, normalised (E.164 worked out, blanks as null). */
    record Valid(IncidentCategory category, String typeCode, Integer priority, String callerNumber,
                 String callerNumberE164, String callerName, String callerAddress, String sceneAddress,
                 Double sceneLat, Double sceneLon, boolean sceneUnknown, String description, JsonNode persons,
                 JsonNode vehicles, String operatorNotes) {
    }

    void updateStatus(UUID id, IncidentStatus to, String result) {
        jdbc.update("""
                update incidents set status = ?, version = version + 1, updated_at = clock_timestamp(),
                    result = coalesce(?, result),
                    submitted_at = case when ? = 'SUBMITTED' then clock_timestamp() else submitted_at end,
                    closed_at = case when ? = 'CLOSED' then clock_timestamp() else closed_at end
                where id = ?""", to.name(), result, to.name(), to.name(), id);
    }

    void markRegistered(UUID id, String kui, int year, int sequence) {
        jdbc.update("""
                update incidents set status = 'REGISTERED', kui_number = ?, kui_year = ?, kui_sequence = ?,
                    registered_at = clock_timestamp(), version = version + 1, updated_at = clock_timestamp()
                where id = ?""", kui, year, sequence, id);
    }

    /**
     * The next KUI sequence of a unit and year. The counter row stays locked until the
     * transaction ends, so concurrent registrations queue here and a rollback returns the number.
     */
    int nextKuiSequence(String unit, int year) {
        return jdbc.queryForObject("""
                insert into kui_counters (unit_code, year, last_sequence) values (?, ?, 1)
                on conflict (unit_code, year) do update set last_sequence = kui_counters.last_sequence + 1
                returning last_sequence""", Integer.class, unit, year);
    }

    IncidentTransition insertTransition(UUID id, IncidentStatus from, IncidentStatus to, String by, JsonNode detail) {
        return jdbc.queryForObject("""
                insert into incident_transitions (incident_id, from_status, to_status, by_user, detail)
                values (?, ?, ?, ?, ?::jsonb) returning *""", TRANSITION, id, from == null ? null : from.name(),
                to.name(), by, detail == null ? "{}" : detail.toString());
    }

    List<IncidentTransition> transitions(UUID id) {
        return jdbc.query("select * from incident_transitions where incident_id = ? order by id", TRANSITION, id);
    }

    void linkCall(UUID incidentId, UUID callId, String recordingId, boolean repeat, String by) {
        jdbc.update("""
                insert into incident_calls (incident_id, call_id, recording_id, repeat, linked_by)
                values (?, ?, ?, ?, ?)""", incidentId, callId, recordingId, repeat, by);
        if (repeat) {
            jdbc.update("update incidents set repeat_count = repeat_count + 1 where id = ?", incidentId);
        }
    }

    void unlinkCall(UUID incidentId, UUID callId) {
        jdbc.update("delete from incident_calls where incident_id = ? and call_id = ?", incidentId, callId);
    }

    Optional<UUID> incidentOfCall(UUID callId) {
        return jdbc.query("select incident_id from incident_calls where call_id = ?",
                (rs, n) -> rs.getObject(1, UUID.class), callId).stream().findFirst();
    }

    List<LinkedCall> calls(UUID incidentId) {
        return jdbc.query("""
                select * from incident_calls where incident_id = ? order by linked_at, call_id""",
                (rs, n) -> new LinkedCall(rs.getString("call_id"), rs.getString("recording_id"),
                        rs.getBoolean("repeat"), rs.getString("linked_by"), instant(rs, "linked_at")), incidentId);
    }

    /** Open (not closed, not cancelled, not a draft) cards from this number since {@code since}. */
    List<Incident> openFromNumber(String e164, Instant since, UUID except) {
        return jdbc.query("""
                select * from incidents where caller_number_e164 = ? and created_at >= ? and id <> ?
                    and status not in ('DRAFT', 'CLOSED', 'CANCELLED') order by created_at desc limit 20""",
                ROW, e164, Timestamp.from(since), except).stream().map(i -> i.withCalls(List.of())).toList();
    }

    List<Incident> search(IncidentQuery q) {
        StringBuilder sql = new StringBuilder("select * from incidents where true");
        List<Object> args = new ArrayList<>();
        if (q.status() != null) {
            sql.append(" and status = ?");
            args.add(q.status().name());
        }
        if (q.category() != null) {
            sql.append(" and category = ?");
            args.add(q.category().name());
        }
        if (q.priority() != null) {
            sql.append(" and priority = ?");
            args.add(q.priority());
        }
        if (q.from() != null) {
            sql.append(" and created_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and created_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (q.operator() != null) {
            sql.append(" and created_by = ?");
            args.add(q.operator());
        }
        if (q.number() != null) {
            sql.append(" and (caller_number = ? or caller_number_e164 = ?)");
            args.add(q.number());
            args.add(q.number());
        }
        if (q.kui() != null) {
            sql.append(" and kui_number = ?");
            args.add(q.kui());
        }
        sql.append(" order by created_at desc, id limit ? offset ?");
        args.add(q.size());
        args.add((long) q.page() * q.size());
        return jdbc.query(sql.toString(), ROW, args.toArray()).stream().map(i -> i.withCalls(List.of())).toList();
    }

    /** When the user's wrap-up ends, if they are in one (operator_states, read only). */
    Optional<Instant> wrapUpUntil(String username) {
        return jdbc.query("""
                select st.wrap_up_until from operator_states st join users u on u.id = st.user_id
                where u.username = ? and st.state = 'wrap-up' and st.wrap_up_until is not null""",
                (rs, n) -> rs.getTimestamp(1).toInstant(), username).stream().findFirst();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static final RowMapper<Incident> ROW = (rs, n) -> {
        String category = rs.getString("category");
        return new Incident(rs.getObject("id", UUID.class), IncidentStatus.valueOf(rs.getString("status")),
                category == null ? null : IncidentCategory.valueOf(category), rs.getString("type_code"),
                integer(rs, "priority"), rs.getString("caller_number"), rs.getString("caller_number_e164"),
                rs.getString("caller_name"), rs.getString("caller_address"), rs.getString("scene_address"),
                dbl(rs, "scene_lat"), dbl(rs, "scene_lon"), rs.getBoolean("scene_unknown"),
                rs.getString("description"), JSON.readTree(rs.getString("persons")),
                JSON.readTree(rs.getString("vehicles")), rs.getString("operator_notes"), rs.getString("result"),
                rs.getString("unit_code"), rs.getString("kui_number"), rs.getString("created_by"),
                rs.getInt("repeat_count"), rs.getInt("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "submitted_at"), instant(rs, "registered_at"),
                instant(rs, "closed_at"), List.of());
    };

    private static final RowMapper<IncidentTransition> TRANSITION = (rs, n) -> {
        String from = rs.getString("from_status");
        return new IncidentTransition(rs.getLong("id"), rs.getObject("incident_id", UUID.class),
                from == null ? null : IncidentStatus.valueOf(from), IncidentStatus.valueOf(rs.getString("to_status")),
                instant(rs, "at"), rs.getString("by_user"), JSON.readTree(rs.getString("detail")));
    };
}
