package kz.line102.callcenter.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reports of serious events, their versions, the chief's signature and their delivery; nothing is changed once written. */
@Repository
class SeriousReportStore {

    private final JdbcTemplate jdbc;

    SeriousReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Head(long id, UUID incidentId, String kuiNumber, String draftedBy, Instant draftedAt) {
    }

    record Version(int version, String eventType, Instant occurredAt, String place, String whatHappened, String units,
                   String measures, String editedBy, Instant editedAt) {
    }

    record Signature(int version, String signedBy, Instant signedAt) {
    }

    record Delivery(String idempotencyKey, Instant deliveredAt) {
    }

    long insert(UUID incidentId, String kui, String by) {
        return jdbc.queryForObject("""
                insert into watch_serious_reports (incident_id, kui_number, drafted_by) values (?, ?, ?) returning id""",
                Long.class, incidentId, kui, by);
    }

    void insertVersion(long report, int version, Version v) {
        jdbc.update("""
                insert into watch_serious_report_versions
                    (report_id, version, event_type, occurred_at, place, what_happened, units, measures, edited_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", report, version, v.eventType(),
                v.occurredAt() == null ? null : Timestamp.from(v.occurredAt()), v.place(), v.whatHappened(), v.units(),
                v.measures(), v.editedBy());
    }

    /** Locks the report's row: an edit and a signature of one report never interleave. */
    Head head(long id, boolean lock) {
        List<Head> found = jdbc.query("select * from watch_serious_reports where id = ?" + (lock ? " for update" : ""),
                (rs, i) -> head(rs), id);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getLong("id"), rs.getObject("incident_id", UUID.class), rs.getString("kui_number"),
                rs.getString("drafted_by"), rs.getTimestamp("drafted_at").toInstant());
    }

    List<Version> versions(long report) {
        return jdbc.query("select * from watch_serious_report_versions where report_id = ? order by version",
                (rs, i) -> new Version(rs.getInt("version"), rs.getString("event_type"), instant(rs, "occurred_at"),
                        rs.getString("place"), rs.getString("what_happened"), rs.getString("units"),
                        rs.getString("measures"), rs.getString("edited_by"), instant(rs, "edited_at")), report);
    }

    Signature signature(long report) {
        List<Signature> found = jdbc.query("select * from watch_serious_report_signatures where report_id = ?",
                (rs, i) -> new Signature(rs.getInt("version"), rs.getString("signed_by"), instant(rs, "signed_at")),
                report);
        return found.isEmpty() ? null : found.get(0);
    }

    void sign(long report, int version, String by) {
        jdbc.update("insert into watch_serious_report_signatures (report_id, version, signed_by) values (?, ?, ?)",
                report, version, by);
    }

    Delivery delivery(long report) {
        List<Delivery> found = jdbc.query("select * from watch_serious_report_deliveries where report_id = ?",
                (rs, i) -> new Delivery(rs.getString("idempotency_key"), instant(rs, "delivered_at")), report);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Newest first, paged by id (the drafted-at index keeps a page cheap over years of reports). */
    List<Long> ids(UUID incidentId, Long before, int limit) {
        return jdbc.queryForList("""
                select id from watch_serious_reports where (?::uuid is null or incident_id = ?)
                  and (?::bigint is null or id < ?) order by id desc limit ?""", Long.class, incidentId, incidentId,
                before, before, limit);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
