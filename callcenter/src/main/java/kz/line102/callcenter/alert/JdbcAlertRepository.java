package kz.line102.callcenter.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code alerts}: rows are added and updated, never deleted. */
@Repository
class JdbcAlertRepository {

    private static final String COLUMNS = "id, dedup_key, kind, severity, title, detail::text, incident_id, raised_at,"
            + " raised_by, acknowledged_at, acknowledged_by, ack_comment, outbound_status, outbound_attempts,"
            + " outbound_error, outbound_sent_at";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcAlertRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The new alert, or empty when one with this dedup key exists. */
    Optional<Alert> insert(AlertRequest r, boolean outbound) {
        return jdbc.query("insert into alerts (dedup_key, kind, severity, title, detail, incident_id, raised_by,"
                        + " outbound_status, outbound_next_at) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?,"
                        + " case when ? then clock_timestamp() end)"
                        + " on conflict (dedup_key) do nothing returning " + COLUMNS, this::row,
                r.dedupKey(), r.kind(), r.severity().code(), r.title(), json.writeValueAsString(r.detail()),
                r.incidentId(), r.raisedBy(), outbound ? "pending" : "none", outbound).stream().findFirst();
    }

    Optional<Alert> find(long id) {
        return jdbc.query("select " + COLUMNS + " from alerts where id = ?", this::row, id).stream().findFirst();
    }

    Optional<Alert> findByKey(String dedupKey) {
        return jdbc.query("select " + COLUMNS + " from alerts where dedup_key = ?", this::row, dedupKey)
                .stream().findFirst();
    }

    /** Newest first; {@code openOnly} leaves out acknowledged ones. */
    List<Alert> list(boolean openOnly, Instant since, int limit) {
        return jdbc.query("select " + COLUMNS + " from alerts where raised_at >= ?"
                        + (openOnly ? " and acknowledged_at is null" : "") + " order by raised_at desc, id desc limit ?",
                this::row, Timestamp.from(since), limit);
    }

    /**
     * Acknowledged alerts raised in [{@code from}, {@code to}), newest first; {@code kind}
     * (null for any) is a kind or the family before its first dash ({@code incident} takes
     * {@code incident-serious}); {@code text} (null for any) is looked for, ignoring case, in
     * the title, the comment, who acknowledged and the detail (a card's KUI number is there).
     */
    List<Alert> acknowledged(Instant from, Instant to, String kind, String text, int limit) {
        String like = text == null ? null : "%" + text.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.query("select " + COLUMNS + " from alerts where acknowledged_at is not null"
                        + " and raised_at >= ? and raised_at < ?"
                        + " and (?::text is null or kind = ? or kind like ? || '-%')"
                        + " and (?::text is null or title ilike ? or ack_comment ilike ? or acknowledged_by ilike ?"
                        + " or detail::text ilike ?)"
                        + " order by raised_at desc, id desc limit ?",
                this::row, Timestamp.from(from), Timestamp.from(to), kind, kind, kind, like, like, like, like, like,
                limit);
    }

    /** Empty when the alert was acknowledged already (first acknowledgement stands). */
    Optional<Alert> acknowledge(long id, String by, String comment) {
        return jdbc.query("update alerts set acknowledged_at = clock_timestamp(), acknowledged_by = ?, ack_comment = ?"
                + " where id = ? and acknowledged_at is null returning " + COLUMNS, this::row, by, comment, id)
                .stream().findFirst();
    }

    /**
     * Takes up to {@code limit} deliveries that are due, for {@code lease}: another node
     * skips them meanwhile, and takes them over if this one dies before reporting back.
     */
    List<Alert> claimDue(int limit, Duration lease) {
        return jdbc.query("update alerts set outbound_next_at = clock_timestamp() + ? * interval '1 millisecond'"
                        + " where id in (select id from alerts where outbound_status = 'pending'"
                        + " and outbound_next_at <= clock_timestamp() order by outbound_next_at limit ?"
                        + " for update skip locked) returning " + COLUMNS, this::row,
                lease.toMillis(), limit);
    }

    void delivered(long id) {
        jdbc.update("update alerts set outbound_status = 'sent', outbound_attempts = outbound_attempts + 1,"
                + " outbound_sent_at = clock_timestamp(), outbound_error = null, outbound_next_at = null"
                + " where id = ? and outbound_status = 'pending'", id);
    }

    /**
     * Counts a failed try; parks the delivery as dead once {@code maxAttempts} is reached
     * (0: now; {@link Integer#MAX_VALUE}: never, the engine decides).
     */
    Optional<Alert> failed(long id, String error, int maxAttempts, Duration retryIn) {
        return jdbc.query("update alerts set outbound_attempts = outbound_attempts + 1, outbound_error = ?,"
                        + " outbound_status = case when outbound_attempts + 1 >= ? then 'dead' else 'pending' end,"
                        + " outbound_next_at = case when outbound_attempts + 1 >= ? then null"
                        + " else clock_timestamp() + ? * interval '1 millisecond' end"
                        + " where id = ? and outbound_status = 'pending' returning " + COLUMNS, this::row,
                error, maxAttempts, maxAttempts, retryIn.toMillis(), id).stream().findFirst();
    }

    /** Sends a dead delivery again from a fresh count; false when it is not dead. */
    boolean revive(long id) {
        return jdbc.update("update alerts set outbound_status = 'pending', outbound_attempts = 0,"
                + " outbound_next_at = clock_timestamp() where id = ? and outbound_status = 'dead'", id) == 1;
    }

    /** When the oldest alert still to be delivered was raised. */
    Optional<Instant> oldestPendingOutbound() {
        return Optional.ofNullable(jdbc.queryForObject(
                "select min(raised_at) from alerts where outbound_status = 'pending'", Timestamp.class))
                .map(Timestamp::toInstant);
    }

    long count(String outboundStatus) {
        Long n = jdbc.queryForObject("select count(*) from alerts where outbound_status = ?", Long.class,
                outboundStatus);
        return n == null ? 0 : n;
    }

    long countOpen() {
        Long n = jdbc.queryForObject("select count(*) from alerts where acknowledged_at is null", Long.class);
        return n == null ? 0 : n;
    }

    private Alert row(ResultSet rs, int n) throws SQLException {
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), Severity.ofCode(rs.getString(4)),
                rs.getString(5), json.readValue(rs.getString(6), MAP), rs.getObject(7, UUID.class),
                instant(rs, 8), rs.getString(9), instant(rs, 10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getInt(14), rs.getString(15), instant(rs, 16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
