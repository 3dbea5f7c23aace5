package kz.line102.callcenter.call;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.line102.cti.CallId;
import kz.line102.cti.EventSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Calls and call events in PostgreSQL. Callers hold the transaction. */
@Repository
public class JdbcCallRepository {

    private final JdbcTemplate jdbc;

    public JdbcCallRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A call event ready to store: its encoded form is what gets projected later. */
    public record StoredEvent(UUID eventId, UUID callId, String type, Instant at, String payload, String streamId) {
    }

    /**
     * Inserts the events that are not stored yet.
     *
     * @return the events that were new
     */
    public List<StoredEvent> insertNew(List<StoredEvent> events) {
        int[][] counts = jdbc.batchUpdate("""
                insert into call_events (event_id, call_id, type, at, payload, stream_id)
                values (?, ?, ?, ?, ?::jsonb, ?)
                on conflict (event_id) do nothing""", events, 500, (ps, e) -> {
            ps.setObject(1, e.eventId());
            ps.setObject(2, e.callId());
            ps.setString(3, e.type());
            ps.setTimestamp(4, Timestamp.from(e.at()));
            ps.setString(5, e.payload());
            ps.setString(6, e.streamId());
        });
        List<StoredEvent> inserted = new ArrayList<>();
        int i = 0;
        for (int[] batch : counts) {
            for (int n : batch) {
                StoredEvent e = events.get(i++);
                if (n != 0) {
                    inserted.add(e);
                }
            }
        }
        return inserted;
    }

    /** Creates missing call rows and locks them all, in id order so that nodes never deadlock. */
    public void lockCalls(List<UUID> sortedIds) {
        jdbc.batchUpdate("insert into calls (id) values (?) on conflict (id) do nothing", sortedIds, 500,
                (ps, id) -> ps.setObject(1, id));
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select id from calls where id = any(?) order by id for update");
            ps.setArray(1, con.createArrayOf("uuid", sortedIds.toArray()));
            return ps;
        }, rs -> { });
    }

    /** The encoded events of these calls by event id, grouped by call. */
    public Map<UUID, Map<UUID, String>> payloads(Collection<UUID> callIds) {
        Map<UUID, Map<UUID, String>> byCall = new LinkedHashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select call_id, event_id, payload::text from call_events"
                    + " where call_id = any(?) order by call_id, at");
            ps.setArray(1, con.createArrayOf("uuid", callIds.toArray()));
            return ps;
        }, rs -> {
            byCall.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                    .put(rs.getObject(2, UUID.class), rs.getString(3));
        });
        return byCall;
    }

    /** Which of these event ids are stored already. */
    public Set<UUID> storedEventIds(Collection<UUID> eventIds) {
        Set<UUID> stored = new HashSet<>();
        if (eventIds.isEmpty()) {
            return stored;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select event_id from call_events where event_id = any(?)");
            ps.setArray(1, con.createArrayOf("uuid", eventIds.toArray()));
            return ps;
        }, rs -> {
            stored.add(rs.getObject(1, UUID.class));
        });
        return stored;
    }

    /**
     * The event types each of these calls has from AMI live ({@code call id/type}): what the
     * PBX's logs need not repeat. Lines stored before sources existed count as observed
     * unless their {@code observed} flag says otherwise.
     */
    public Set<String> observedTypes(Collection<UUID> callIds) {
        Set<String> types = new HashSet<>();
        if (callIds.isEmpty()) {
            return types;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select call_id, type from call_events
                    where call_id = any(?)
                      and coalesce((payload->>'body')::jsonb->>'source',
                                   case when (payload->>'body')::jsonb->>'observed' = 'false' then 'INFERRED'
                                        else 'OBSERVED' end) = 'OBSERVED'
                    group by call_id, type""");
            ps.setArray(1, con.createArrayOf("uuid", callIds.toArray()));
            return ps;
        }, rs -> {
            types.add(rs.getObject(1, UUID.class) + "/" + rs.getString(2));
        });
        return types;
    }

    public void update(List<CallRecord> records) {
        jdbc.batchUpdate("""
                update calls set caller_number = ?, caller_number_e164 = ?, caller_number_status = ?,
                    caller_name = ?, dialed_number = ?, queue = ?, operator = ?, outcome = ?,
                    offered_at = ?, queued_at = ?, answered_at = ?, ended_at = ?, wait_seconds = ?,
                    talk_seconds = ?, hung_up_by = ?, end_cause = ?, end_cause_text = ?, missed_operators = ?,
                    fully_observed = ?, recording_file = ?, recording_finished_at = ?, event_count = ?,
                    source = ?, answer_source = ?, end_source = ?, updated_at = clock_timestamp()
                where id = ?""", records, 500, (ps, r) -> {
            Connection con = ps.getConnection();
            int i = 1;
            ps.setString(i++, r.callerNumber());
            ps.setString(i++, r.callerNumberE164());
            ps.setString(i++, r.callerNumberStatus());
            ps.setString(i++, r.callerName());
            ps.setString(i++, r.dialedNumber());
            ps.setString(i++, r.queue());
            ps.setString(i++, r.operator());
            ps.setString(i++, r.outcome() == null ? null : r.outcome().code());
            setInstant(ps, i++, r.offeredAt());
            setInstant(ps, i++, r.queuedAt());
            setInstant(ps, i++, r.answeredAt());
            setInstant(ps, i++, r.endedAt());
            setInteger(ps, i++, r.waitSeconds());
            setInteger(ps, i++, r.talkSeconds());
            ps.setString(i++, r.hungUpBy());
            setInteger(ps, i++, r.endCause());
            ps.setString(i++, r.endCauseText());
            Array missed = con.createArrayOf("text", r.missedOperators().toArray());
            ps.setArray(i++, missed);
            ps.setBoolean(i++, r.fullyObserved());
            ps.setString(i++, r.recordingFile());
            setInstant(ps, i++, r.recordingFinishedAt());
            ps.setInt(i++, r.eventCount());
            ps.setString(i++, code(r.source()));
            ps.setString(i++, code(r.answerSource()));
            ps.setString(i++, code(r.endSource()));
            ps.setObject(i, UUID.fromString(r.id().value()));
        });
        attributeOperators(records);
    }

    /**
     * Names the user signed in at the answering desk at the answer, in the same transaction
     * as the record. The PBX stamps the answer and the database the sign-in, so a few seconds
     * of grace cover their clocks; an answer re-projected later keeps the name it got.
     */
    private void attributeOperators(List<CallRecord> records) {
        Object[] answered = records.stream().filter(r -> r.operator() != null && r.answeredAt() != null)
                .map(r -> UUID.fromString(r.id().value())).toArray();
        if (answered.length == 0) {
            return;
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    update calls c set operator_user = (
                        select u.username from operator_sessions s join users u on u.id = s.user_id
                        where s.extension = c.operator
                          and s.started_at <= c.answered_at + interval '5 seconds'
                          and (s.ended_at is null or s.ended_at > c.answered_at - interval '5 seconds')
                        order by s.started_at desc limit 1)
                    where c.id = any(?) and c.operator_user is null""");
            ps.setArray(1, con.createArrayOf("uuid", answered));
            return ps;
        });
    }

    public void insertRejects(List<String[]> rejects) {
        jdbc.batchUpdate("insert into call_event_rejects (stream_id, fields, reason) values (?, ?::jsonb, ?)",
                rejects, 500, (ps, r) -> {
                    ps.setString(1, r[0]);
                    ps.setString(2, r[1]);
                    ps.setString(3, r[2]);
                });
    }

    public Optional<CallRecord> find(UUID id) {
        return jdbc.query("select * from calls where id = ? and offered_at is not null", ROW, id)
                .stream().findFirst();
    }

    /** The calls {@code username} answered (attributed at the answer), newest first. */
    public List<CallRecord> answeredBy(String username, int limit) {
        return jdbc.query("""
                select * from calls where operator_user = ? and offered_at is not null and not test_call
                order by offered_at desc, id desc limit ?""", ROW, username, limit);
    }

    /** Newest first; {@code number} matches the raw form or the E.164 form. */
    public List<CallRecord> search(CallQuery q) {
        StringBuilder sql = new StringBuilder("select * from calls where offered_at is not null");
        List<Object> args = new ArrayList<>();
        if (!q.testCalls()) {
            sql.append(" and not test_call");
        }
        if (q.from() != null) {
            sql.append(" and offered_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and offered_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (q.numberE164() != null) {
            sql.append(" and (caller_number_e164 = ? or caller_number = ?)");
            args.add(q.numberE164());
            args.add(q.numberRaw());
        } else if (q.numberRaw() != null) {
            sql.append(" and caller_number = ?");
            args.add(q.numberRaw());
        }
        if (q.operator() != null) {
            sql.append(" and (operator = ? or operator_user = ?)");
            args.add(q.operator());
            args.add(q.operator());
        }
        if (q.outcome() != null) {
            sql.append(" and outcome = ?");
            args.add(q.outcome().code());
        } else if (q.inProgress()) {
            sql.append(" and outcome is null");
        }
        sql.append(" order by offered_at desc, id desc limit ? offset ?");
        args.add(q.size() + 1);
        args.add((long) q.page() * q.size());
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    public List<EventLine> events(UUID callId) {
        return jdbc.query("select type, at, received_at from call_events where call_id = ? order by at, received_at",
                (rs, n) -> new EventLine(rs.getString(1), instant(rs, 2), instant(rs, 3)), callId);
    }

    /** One event of a call as the API lists it. */
    public record EventLine(String type, Instant at, Instant receivedAt) {
    }

    private static final RowMapper<CallRecord> ROW = (rs, n) -> new CallRecord(
            new CallId(rs.getString("id")),
            rs.getString("caller_number"),
            rs.getString("caller_number_e164"),
            rs.getString("caller_number_status"),
            rs.getString("caller_name"),
            rs.getString("dialed_number"),
            rs.getString("queue"),
            rs.getString("operator"),
            CallOutcome.fromCode(rs.getString("outcome")).orElse(null),
            instant(rs, "offered_at"),
            instant(rs, "queued_at"),
            instant(rs, "answered_at"),
            instant(rs, "ended_at"),
            (Integer) rs.getObject("wait_seconds"),
            (Integer) rs.getObject("talk_seconds"),
            rs.getString("hung_up_by"),
            (Integer) rs.getObject("end_cause"),
            rs.getString("end_cause_text"),
            List.of((String[]) rs.getArray("missed_operators").getArray()),
            rs.getBoolean("fully_observed"),
            rs.getString("recording_file"),
            instant(rs, "recording_finished_at"),
            rs.getInt("event_count"),
            source(rs.getString("source")),
            source(rs.getString("answer_source")),
            source(rs.getString("end_source")),
            rs.getString("operator_user"));

    /** A source as stored and shown by the API: {@code observed}, {@code logged}, {@code inferred}. */
    public static String code(EventSource source) {
        return source == null ? null : source.name().toLowerCase(Locale.ROOT);
    }

    private static EventSource source(String code) {
        return code == null ? null : EventSource.valueOf(code.toUpperCase(Locale.ROOT));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void setInstant(PreparedStatement ps, int i, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(i, Timestamp.from(value));
        }
    }

    private static void setInteger(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }
}
