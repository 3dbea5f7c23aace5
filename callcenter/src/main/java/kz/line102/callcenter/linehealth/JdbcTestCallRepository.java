package kz.line102.callcenter.linehealth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.line102.cti.sip.TestCallResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code line_health_test_calls}, and the marking of their records in {@code calls}. */
@Repository
class JdbcTestCallRepository {

    /** Any constant: scheduled test calls of all nodes start under this advisory lock. */
    private static final long SCHEDULE_LOCK = 0x4C48_0077L;
    private static final String COLUMNS = "id, started_at, ended_at, trigger, requested_by, outcome, detail,"
            + " sip_status, codec, packets_sent, packets_received, loss_pct, jitter_ms, rtt_ms, steps::text, call_id";
    private static final TypeReference<List<TestCallResult.Step>> STEPS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final kz.line102.callcenter.call.TestCalls testCalls;

    JdbcTestCallRepository(JdbcTemplate jdbc, JsonMapper json, kz.line102.callcenter.call.TestCalls testCalls) {
        this.jdbc = jdbc;
        this.json = json;
        this.testCalls = testCalls;
    }

    TestCallRecord start(UUID id, Instant at, String trigger, String by) {
        return jdbc.queryForObject("insert into line_health_test_calls (id, started_at, trigger, requested_by)"
                + " values (?, ?, ?, ?) returning " + COLUMNS, this::row, id, Timestamp.from(at), trigger, by);
    }

    /**
     * Starts a scheduled test call unless one started within {@code interval} (on any
     * node): the advisory lock makes two nodes due at once start one.
     */
    Optional<TestCallRecord> startScheduled(UUID id, Instant at, Duration interval) {
        return jdbc.query("with lock as (select pg_try_advisory_xact_lock(?) as got)"
                        + " insert into line_health_test_calls (id, started_at, trigger, requested_by)"
                        + " select ?, ?, 'schedule', 'system' from lock where got and not exists"
                        + " (select 1 from line_health_test_calls where trigger = 'schedule'"
                        + " and started_at > ? - ? * interval '1 millisecond') returning " + COLUMNS, this::row,
                SCHEDULE_LOCK, id, Timestamp.from(at), Timestamp.from(at), interval.toMillis() - 500)
                .stream().findFirst();
    }

    void finish(UUID id, String outcome, String detail, TestCallResult r, List<TestCallResult.Step> steps,
                UUID callId) {
        jdbc.update("update line_health_test_calls set ended_at = clock_timestamp(), outcome = ?, detail = ?,"
                        + " sip_status = ?, codec = ?, packets_sent = ?, packets_received = ?, loss_pct = ?,"
                        + " jitter_ms = ?, rtt_ms = ?, steps = ?::jsonb, call_id = ? where id = ?", outcome, detail,
                r.sipStatus() == 0 ? null : r.sipStatus(), r.codec(), r.rtp().sent(), r.rtp().received(),
                r.rtp().lossPct(), r.rtp().jitterMs(), r.rtp().meanRttMs(), json.writeValueAsString(steps), callId,
                id);
    }

    Optional<TestCallRecord> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from line_health_test_calls where id = ?", this::row, id)
                .stream().findFirst();
    }

    List<TestCallRecord> recent(int limit) {
        return jdbc.query("select " + COLUMNS + " from line_health_test_calls order by started_at desc limit ?",
                this::row, limit);
    }

    /** What our side recorded of the test call: the call, its queue (routing answered) and its recording. */
    record CallSeen(UUID id, String queue, String outcome, String recordingFile) {
    }

    Optional<CallSeen> callFrom(String callerNumber, Instant since) {
        return jdbc.query("select id, queue, outcome, recording_file from calls where caller_number = ?"
                        + " and offered_at >= ? order by offered_at limit 1",
                (rs, i) -> new CallSeen(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)), callerNumber, Timestamp.from(since)).stream().findFirst();
    }

    /** When the first of the call's AMI events was received from the stream and stored; null when none yet. */
    Instant firstEventReceived(UUID callId) {
        Timestamp t = jdbc.queryForObject("select min(received_at) from call_events where call_id = ?",
                Timestamp.class, callId);
        return t == null ? null : t.toInstant();
    }

    /** The routing service's answer to a call from {@code callerNumber} since {@code since}, if any. */
    Optional<Route> routeFrom(String callerNumber, Instant since) {
        return jdbc.query("select call_id, queue, reason, at from line_health_routes where caller_number = ?"
                        + " and at >= ? order by at limit 1",
                (rs, i) -> new Route(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), callerNumber, Timestamp.from(since)).stream().findFirst();
    }

    record Route(UUID callId, String queue, String reason, Instant at) {
    }

    /** Keeps a routing answer to a test call (only those: the caller number is the test caller's). */
    void insertRoute(UUID callId, String callerNumber, String queue, String reason, Instant at) {
        jdbc.update("insert into line_health_routes (call_id, caller_number, queue, reason, at) values (?, ?, ?, ?, ?)"
                + " on conflict (call_id) do nothing", callId, callerNumber, queue, reason, Timestamp.from(at));
    }

    int pruneRoutes(Instant before) {
        return jdbc.update("delete from line_health_routes where at < ?", Timestamp.from(before));
    }

    /** When the call's recording was archived (the recorder's {@code recordings}); null when not (yet). */
    Instant archived(UUID callId) {
        Timestamp t = jdbc.queryForObject("select min(ingested_at) from recordings where call_id = ?"
                + " and deleted_at is null", Timestamp.class, callId.toString());
        return t == null ? null : t.toInstant();
    }

    /** Marks the call as a test call, so the centre's figures can leave it out. */
    void markTestCall(UUID callId) {
        testCalls.mark(callId);
    }

    private TestCallRecord row(ResultSet rs, int n) throws SQLException {
        return new TestCallRecord(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), instant(rs, 3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8),
                rs.getString(9), (Integer) rs.getObject(10), (Integer) rs.getObject(11), (Double) rs.getObject(12),
                (Double) rs.getObject(13), (Double) rs.getObject(14), json.readValue(rs.getString(15), STEPS),
                rs.getObject(16, UUID.class));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
