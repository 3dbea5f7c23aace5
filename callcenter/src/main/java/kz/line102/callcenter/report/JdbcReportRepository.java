package kz.line102.callcenter.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The report_lines rollup, report_signoffs and report_addenda tables. */
@Repository
class JdbcReportRepository {

    /** First key of the advisory locks that order feed writes against a watch's sign-off. */
    private static final int WATCH_LOCK = 102_058;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    JdbcReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Feed writes to a watch hold this (shared) until their transaction ends. */
    void lockWatchShared(LocalDate day) {
        jdbc.queryForList("select pg_advisory_xact_lock_shared(?, ?)", WATCH_LOCK, (int) day.toEpochDay());
    }

    /** The sign-off holds this (exclusive): no feed write to the watch runs beside it. */
    void lockWatch(LocalDate day) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", WATCH_LOCK, (int) day.toEpochDay());
    }

    /**
     * Writes the card's line unless the stored one was made from a later reading of the
     * card (a higher version or repeat count) or says the same already.
     *
     * @return whether the line changed
     */
    boolean upsert(LocalDate day, ReportLine l) {
        return jdbc.update("""
                insert into report_lines as r (incident_id, watch_day, kui_number, registered_at, category, type_code,
                    priority, scene_address, scene_unknown, caller_number, caller_name, status, result, units,
                    repeat_count, closed_at, card_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                on conflict (incident_id) do update set watch_day = excluded.watch_day,
                    kui_number = excluded.kui_number, registered_at = excluded.registered_at,
                    category = excluded.category, type_code = excluded.type_code, priority = excluded.priority,
                    scene_address = excluded.scene_address, scene_unknown = excluded.scene_unknown,
                    caller_number = excluded.caller_number, caller_name = excluded.caller_name,
                    status = excluded.status, result = excluded.result, units = excluded.units,
                    repeat_count = excluded.repeat_count, closed_at = excluded.closed_at,
                    card_version = excluded.card_version, updated_at = clock_timestamp()
                where (r.card_version, r.repeat_count) <= (excluded.card_version, excluded.repeat_count)
                    and (r.watch_day, r.kui_number, r.registered_at, r.category, r.type_code, r.priority,
                         r.scene_address, r.scene_unknown, r.caller_number, r.caller_name, r.status, r.result,
                         r.units, r.repeat_count, r.closed_at, r.card_version)
                    is distinct from
                        (excluded.watch_day, excluded.kui_number, excluded.registered_at, excluded.category,
                         excluded.type_code, excluded.priority, excluded.scene_address, excluded.scene_unknown,
                         excluded.caller_number, excluded.caller_name, excluded.status, excluded.result,
                         excluded.units, excluded.repeat_count, excluded.closed_at, excluded.card_version)""",
                l.incidentId(), day, l.kuiNumber(), Timestamp.from(l.registeredAt()), l.category(), l.typeCode(),
                l.priority(), l.sceneAddress(), l.sceneUnknown(), l.callerNumber(), l.callerName(), l.status(),
                l.result(), JSON.writeValueAsString(l.units()), l.repeatCount(),
                l.closedAt() == null ? null : Timestamp.from(l.closedAt()), l.cardVersion()) > 0;
    }

    List<ReportLine> lines(LocalDate day) {
        return jdbc.query("select * from report_lines where watch_day = ? order by registered_at, kui_number", LINE,
                day);
    }

    Optional<Instant> lineUpdatedAt(UUID incidentId) {
        return jdbc.query("select updated_at from report_lines where incident_id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), incidentId).stream().findFirst();
    }

    /** Call signs of the units ever sent to the card (from the duty sheet's timeline), first sent first. */
    List<String> unitsOf(UUID incidentId) {
        return jdbc.queryForList("""
                select u.call_sign from unit_status_history h join units u on u.id = h.unit_id
                where h.incident_id = ? group by u.call_sign order by min(h.at), u.call_sign""", String.class,
                incidentId);
    }

    /** Ids of the cards registered in [start, end), locked for the rest of the transaction. */
    List<UUID> lockCardsRegistered(Instant start, Instant end) {
        return jdbc.query("""
                select id from incidents where registered_at >= ? and registered_at < ? order by id for update""",
                (rs, n) -> rs.getObject(1, UUID.class), Timestamp.from(start), Timestamp.from(end));
    }

    /** Who signed the watch off and when, without the snapshot. */
    record Signer(String signedBy, Instant signedAt) {
    }

    Optional<Signer> signer(LocalDate day) {
        return jdbc.query("select signed_by, signed_at from report_signoffs where watch_day = ?",
                (rs, n) -> new Signer(rs.getString(1), rs.getTimestamp(2).toInstant()), day).stream().findFirst();
    }

    record SignOff(LocalDate day, String signedBy, Instant signedAt, String snapshot, String sha256) {
    }

    Optional<SignOff> signOff(LocalDate day) {
        return jdbc.query("select * from report_signoffs where watch_day = ?", (rs, n) -> new SignOff(
                rs.getObject("watch_day", LocalDate.class), rs.getString("signed_by"),
                rs.getTimestamp("signed_at").toInstant(), rs.getString("snapshot"), rs.getString("sha256")), day)
                .stream().findFirst();
    }

    void insertSignOff(LocalDate day, Instant start, Instant end, String by, Instant at, String snapshot,
                       String sha256) {
        jdbc.update("""
                insert into report_signoffs (watch_day, watch_start, watch_end, signed_by, signed_at, snapshot, sha256)
                values (?, ?, ?, ?, ?, ?, ?)""", day, Timestamp.from(start), Timestamp.from(end), by,
                Timestamp.from(at), snapshot, sha256);
    }

    /** @return whether this reading of the card was new (not recorded before) */
    boolean addendum(LocalDate day, ReportLine line, String lineJson, String sha256) {
        return jdbc.update("""
                insert into report_addenda (watch_day, incident_id, line, line_sha256) values (?, ?, ?::jsonb, ?)
                on conflict (incident_id, line_sha256) do nothing""", day, line.incidentId(), lineJson, sha256) > 0;
    }

    List<DailyReport.Addendum> addenda(LocalDate day) {
        return jdbc.query("select seen_at, line::text from report_addenda where watch_day = ? order by id",
                (rs, n) -> new DailyReport.Addendum(rs.getTimestamp(1).toInstant(),
                        JSON.readValue(rs.getString(2), ReportLine.class)), day);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final RowMapper<ReportLine> LINE = (rs, n) -> new ReportLine(rs.getObject("incident_id", UUID.class),
            rs.getString("kui_number"), instant(rs, "registered_at"), rs.getString("category"),
            rs.getString("type_code"), integer(rs, "priority"), rs.getString("scene_address"),
            rs.getBoolean("scene_unknown"), rs.getString("caller_number"), rs.getString("caller_name"),
            rs.getString("status"), rs.getString("result"), JSON.readValue(rs.getString("units"), STRINGS),
            rs.getInt("repeat_count"), instant(rs, "closed_at"), rs.getInt("card_version"));
}
