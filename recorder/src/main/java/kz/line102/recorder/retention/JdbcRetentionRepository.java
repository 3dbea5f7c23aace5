package kz.line102.recorder.retention;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import kz.line102.recorder.catalog.Jdbc;

/** Policies, purge runs and the deletion audit. Legal holds are in {@link JdbcHoldRepository}. */
final class JdbcRetentionRepository {

    private static final String PERIOD = "extract(year from keep_for)::int as y, extract(month from keep_for)::int as m,"
            + " extract(day from keep_for)::int as d";
    // Expired before the cutoff: retain_from + keep_for < cutoff.
    private static final String DUE = "r.retention_class = p.retention_class and r.deleted_at is null"
            + " and r.retain_from < ?::timestamptz - p.keep_for";
    // The same for one class, with the period as a scalar subquery: PostgreSQL then
    // evaluates it once and walks the (retention_class, retain_from) index instead of the
    // whole table (measured on a million rows: under 1 ms instead of 830 ms).
    private static final String DUE_IN_CLASS = "p.retention_class = ? and r.retention_class = p.retention_class"
            + " and r.deleted_at is null and r.retain_from < ?::timestamptz"
            + " - (select q.keep_for from retention_policies q where q.retention_class = ?)";
    private static final String NOT_HELD = "not exists (select 1 from legal_holds h"
            + " where h.recording_id = r.id and h.lifted_at is null)";
    private static final String CANDIDATE = "r.id, r.call_id, r.path, r.call_at, r.retention_class,"
            + " extract(year from p.keep_for)::int as y, extract(month from p.keep_for)::int as m,"
            + " extract(day from p.keep_for)::int as d, r.retain_from + p.keep_for as expired_at";

    private final DataSource ds;

    JdbcRetentionRepository(DataSource ds) {
        this.ds = ds;
    }

    List<RetentionPolicy> policies() {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select retention_class, description, " + PERIOD
                    + " from retention_policies order by retention_class");
                 ResultSet rs = ps.executeQuery()) {
                List<RetentionPolicy> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new RetentionPolicy(rs.getString("retention_class"), period(rs),
                            rs.getString("description")));
                }
                return out;
            }
        });
    }

    void upsertPolicy(String retentionClass, Period keepFor, String description, String userId, Instant now) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into retention_policies (retention_class,"
                    + " keep_for, description, updated_at, updated_by) values (?, ?::interval, ?, ?, ?)"
                    + " on conflict (retention_class) do update set keep_for = excluded.keep_for,"
                    + " description = excluded.description, updated_at = excluded.updated_at,"
                    + " updated_by = excluded.updated_by")) {
                ps.setString(1, retentionClass);
                ps.setString(2, keepFor.getYears() + " years " + keepFor.getMonths() + " mons "
                        + keepFor.getDays() + " days");
                ps.setString(3, description);
                Jdbc.set(ps, 4, now);
                ps.setString(5, userId);
                return ps.executeUpdate();
            }
        });
    }

    Instant databaseNow() {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select clock_timestamp() as t");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Jdbc.instant(rs, "t");
            }
        });
    }

    /** The time the latest run (finished or not) deleted against. */
    Optional<Instant> lastEffectiveAt() {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select max(effective_at) as t from retention_purge_runs");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(Jdbc.instant(rs, "t"));
            }
        });
    }

    UUID startRun(Instant clockAt, Instant effectiveAt, Instant databaseAt) {
        UUID id = UUID.randomUUID();
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into retention_purge_runs (id, clock_at,"
                    + " effective_at, database_at) values (?, ?, ?, ?)")) {
                ps.setObject(1, id);
                Jdbc.set(ps, 2, clockAt);
                Jdbc.set(ps, 3, effectiveAt);
                Jdbc.set(ps, 4, databaseAt);
                return ps.executeUpdate();
            }
        });
        return id;
    }

    void finishRun(UUID id, int deleted, Instant now) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update retention_purge_runs set finished_at = ?, deleted_count = ? where id = ?")) {
                Jdbc.set(ps, 1, now);
                ps.setInt(2, deleted);
                ps.setObject(3, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Live, unheld recordings of {@code retentionClass} that expired before {@code cutoff}, oldest first. */
    List<PurgeCandidate> candidates(String retentionClass, Instant cutoff, int limit) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + CANDIDATE
                    + " from recordings r, retention_policies p where " + DUE_IN_CLASS
                    + " and " + NOT_HELD + " order by r.retain_from, r.id limit ?")) {
                ps.setString(1, retentionClass);
                Jdbc.set(ps, 2, cutoff);
                ps.setString(3, retentionClass);
                ps.setInt(4, limit);
                return candidates(ps);
            }
        });
    }

    long countCandidates(String retentionClass, Instant cutoff) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from recordings r, retention_policies p"
                    + " where " + DUE_IN_CLASS + " and " + NOT_HELD)) {
                ps.setString(1, retentionClass);
                Jdbc.set(ps, 2, cutoff);
                ps.setString(3, retentionClass);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Marks one recording deleted and audits it, if it is still due and unheld, under the
     * row lock that placing a hold also takes: a hold placed meanwhile wins.
     */
    Optional<PurgeCandidate> deleteIfDue(UUID id, Instant cutoff, UUID runId, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            PurgeCandidate due;
            try (PreparedStatement ps = c.prepareStatement("select " + CANDIDATE + ", r.sha256"
                    + " from recordings r, retention_policies p where r.id = ? and " + DUE + " for update of r")) {
                ps.setObject(1, id);
                Jdbc.set(ps, 2, cutoff);
                List<PurgeCandidate> found = candidates(ps);
                if (found.isEmpty()) {
                    return Optional.empty();
                }
                due = found.get(0);
            }
            if (JdbcHoldRepository.isHeld(c, id)) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("update recordings set deleted_at = ? where id = ?")) {
                Jdbc.set(ps, 1, now);
                ps.setObject(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into recording_deletions (recording_id, call_id,"
                    + " sha256, path, call_at, retain_from, retention_class, keep_for, purge_run_id, deleted_at)"
                    + " select id, call_id, sha256, path, call_at, retain_from, r.retention_class, p.keep_for, ?, ?"
                    + " from recordings r join retention_policies p using (retention_class) where id = ?")) {
                ps.setObject(1, runId);
                Jdbc.set(ps, 2, now);
                ps.setObject(3, id);
                ps.executeUpdate();
            }
            return Optional.of(due);
        });
    }

    /** Deleted recordings whose file removal did not happen (a run cut short). */
    List<String[]> unremovedFiles() {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select id, path from recordings"
                    + " where deleted_at is not null and file_removed_at is null");
                 ResultSet rs = ps.executeQuery()) {
                List<String[]> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
                return out;
            }
        });
    }

    /** Whether a live recording uses this file (identical content is stored once). */
    boolean fileInUse(String path) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select 1 from recordings where path = ? and deleted_at is null limit 1")) {
                ps.setString(1, path);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    void markFileRemoved(UUID id, Instant now) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("update recordings set file_removed_at = ? where id = ?")) {
                Jdbc.set(ps, 1, now);
                ps.setObject(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private static List<PurgeCandidate> candidates(PreparedStatement ps) throws SQLException {
        List<PurgeCandidate> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PurgeCandidate(rs.getObject("id", UUID.class), rs.getString("call_id"),
                        rs.getString("path"), Jdbc.instant(rs, "call_at"), rs.getString("retention_class"),
                        period(rs), Jdbc.instant(rs, "expired_at")));
            }
        }
        return out;
    }

    private static Period period(ResultSet rs) throws SQLException {
        return Period.of(rs.getInt("y"), rs.getInt("m"), rs.getInt("d"));
    }
}
