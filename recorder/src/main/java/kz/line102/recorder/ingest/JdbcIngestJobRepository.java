package kz.line102.recorder.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.catalog.Jdbc;

/**
 * The {@code recording_ingest_jobs} table. A node works on a job only under a lease it
 * took in one UPDATE, so two nodes (or the submit path and the periodic pass) never
 * ingest the same file at once, and a dead node's job is taken over when its lease ends.
 */
public final class JdbcIngestJobRepository {

    private static final String RESUMABLE = "state in ('pending', 'archived')";

    private final DataSource ds;

    public JdbcIngestJobRepository(DataSource ds) {
        this.ds = ds;
    }

    /**
     * The key a source file is claimed under: its name without the directory, as the PBX's
     * path (from the call's event) and the sweep's listing (of a mount, or of ARI) agree
     * only on the name.
     */
    public static String sourceKey(String sourceName) {
        String name = sourceName.replace('\\', '/');
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The job for this source file: created now, or the one an earlier submit (or the sweep) created. */
    public IngestJob insertOrGet(IngestRequest r, String retentionClass, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            insert(c, r, retentionClass, now);
            try (PreparedStatement ps = c.prepareStatement(
                    "select * from recording_ingest_jobs where source_key = ?")) {
                ps.setString(1, sourceKey(r.sourceName()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return map(rs);
                }
            }
        });
    }

    /**
     * Creates the job only if no job exists for the file: the one insert that wins is the
     * claim, so of several nodes sweeping one spool exactly one takes each file.
     *
     * @return the new job, or empty when the file already had one
     */
    public Optional<IngestJob> insertIfAbsent(IngestRequest r, String retentionClass, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            UUID id = insert(c, r, retentionClass, now);
            if (id == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("select * from recording_ingest_jobs where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(map(rs));
                }
            }
        });
    }

    private static UUID insert(Connection c, IngestRequest r, String retentionClass, Instant now) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("insert into recording_ingest_jobs (id, source_name,"
                + " source_key, call_id, call_at, caller_number, operator, retention_class, orphan, state,"
                + " next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)"
                + " on conflict do nothing")) {
            ps.setObject(1, id);
            ps.setString(2, r.sourceName());
            ps.setString(3, sourceKey(r.sourceName()));
            ps.setString(4, r.callId());
            Jdbc.set(ps, 5, r.callAt());
            ps.setString(6, r.callerNumber());
            ps.setString(7, r.operator());
            ps.setString(8, retentionClass);
            ps.setBoolean(9, r.orphan());
            Jdbc.set(ps, 10, now);
            Jdbc.set(ps, 11, now);
            Jdbc.set(ps, 12, now);
            return ps.executeUpdate() == 1 ? id : null;
        }
    }

    /** Which of these source keys already have a job (of any state). */
    public Set<String> knownKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select source_key from recording_ingest_jobs where source_key = any (?)")) {
                ps.setArray(1, c.createArrayOf("text", keys.toArray()));
                Set<String> out = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Releases a job whose source is not yet quiet: remembers how it looked and since when,
     * and comes back at {@code next}. Not a failure: the attempts are not counted.
     */
    public void awaitQuiet(UUID id, String signature, Instant seenAt, Instant next, String detail, Instant now) {
        update("update recording_ingest_jobs set source_signature = ?, source_seen_at = ?, next_attempt_at = ?,"
                + " error_code = 'recording-not-quiet', error_detail = ?, lease_until = null, updated_at = ?"
                + " where id = ? returning *", ps -> {
                    ps.setString(1, signature);
                    Jdbc.set(ps, 2, seenAt);
                    Jdbc.set(ps, 3, next);
                    ps.setString(4, detail);
                    Jdbc.set(ps, 5, now);
                    ps.setObject(6, id);
                });
    }

    /** Notes that the "still missing" alert was raised for the job. */
    public void missingAlerted(UUID id, Instant now) {
        update("update recording_ingest_jobs set missing_alerted_at = ? where id = ? returning *", ps -> {
            Jdbc.set(ps, 1, now);
            ps.setObject(2, id);
        });
    }

    /** Unfinished jobs whose source has been missing past the alert time: the alert gauge. */
    public long missingAlerts() {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from recording_ingest_jobs where "
                    + RESUMABLE + " and missing_alerted_at is not null and error_code = 'recording-source-missing'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<IngestJob> find(UUID id) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select * from recording_ingest_jobs where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The jobs of one call (or of one uploader's case), oldest first, at most {@code limit}. */
    public List<IngestJob> byCall(String callId, int limit) {
        return update("select * from recording_ingest_jobs where call_id = ? order by created_at, id limit ?", ps -> {
            ps.setString(1, callId);
            ps.setInt(2, limit);
        });
    }

    /** Takes the lease on one job if it is resumable and nobody holds it. */
    public Optional<IngestJob> claim(UUID id, Instant now, Duration lease) {
        List<IngestJob> got = update("update recording_ingest_jobs set lease_until = ?, updated_at = ? where id = ? and "
                + RESUMABLE + " and (lease_until is null or lease_until < ?) returning *", ps -> {
                    Jdbc.set(ps, 1, now.plus(lease));
                    Jdbc.set(ps, 2, now);
                    ps.setObject(3, id);
                    Jdbc.set(ps, 4, now);
                });
        return got.stream().findFirst();
    }

    /**
     * Extends the leases this node still holds on the given jobs (a job finished meanwhile has
     * none left to extend); returns how many were extended.
     */
    public int renew(Collection<UUID> ids, Instant now, Duration lease) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("update recording_ingest_jobs set lease_until = ? where id = any(?) and " + RESUMABLE
                + " and lease_until is not null returning *", ps -> {
                    Jdbc.set(ps, 1, now.plus(lease));
                    ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                }).size();
    }

    /** Takes the lease on up to {@code limit} jobs that are due, oldest first. */
    public List<IngestJob> claimDue(Instant now, Duration lease, int limit) {
        return update("update recording_ingest_jobs set lease_until = ?, updated_at = ? where id in ("
                + "select id from recording_ingest_jobs where " + RESUMABLE + " and next_attempt_at <= ?"
                + " and (lease_until is null or lease_until < ?) order by next_attempt_at limit ?"
                + " for update skip locked) returning *", ps -> {
                    Jdbc.set(ps, 1, now.plus(lease));
                    Jdbc.set(ps, 2, now);
                    Jdbc.set(ps, 3, now);
                    Jdbc.set(ps, 4, now);
                    ps.setInt(5, limit);
                });
    }

    /** Marks the job archived in the transaction that indexed its recording. */
    public void markArchived(Connection c, UUID id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update recording_ingest_jobs set state = 'archived',"
                + " recording_id = id, error_code = null, error_detail = null, updated_at = ? where id = ?")) {
            Jdbc.set(ps, 1, now);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    /** Ends the job in {@code state} and releases it. */
    public void finish(UUID id, IngestState state, String code, String detail, Instant now) {
        update("update recording_ingest_jobs set state = ?, error_code = ?, error_detail = ?, lease_until = null,"
                + " updated_at = ? where id = ? returning *", ps -> {
                    ps.setString(1, state.db());
                    ps.setString(2, code);
                    ps.setString(3, detail);
                    Jdbc.set(ps, 4, now);
                    ps.setObject(5, id);
                });
    }

    /** Releases the job to be tried again at {@code next}. */
    public void retry(UUID id, int attempts, Instant next, String code, String detail, Instant now) {
        update("update recording_ingest_jobs set attempts = ?, next_attempt_at = ?, error_code = ?,"
                + " error_detail = ?, lease_until = null, updated_at = ? where id = ? returning *", ps -> {
                    ps.setInt(1, attempts);
                    Jdbc.set(ps, 2, next);
                    ps.setString(3, code);
                    ps.setString(4, detail);
                    Jdbc.set(ps, 5, now);
                    ps.setObject(6, id);
                });
    }

    /** How many jobs are not finished (pending or archived), for the backlog gauge. */
    public long unfinished() {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from recording_ingest_jobs where " + RESUMABLE);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<IngestJob> update(String sql, Binder binder) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<IngestJob> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    private static IngestJob map(ResultSet rs) throws SQLException {
        return new IngestJob(rs.getObject("id", UUID.class), rs.getString("source_name"), rs.getString("call_id"),
                Jdbc.instant(rs, "call_at"), rs.getString("caller_number"), rs.getString("operator"),
                rs.getString("retention_class"), IngestState.of(rs.getString("state")), rs.getInt("attempts"),
                Jdbc.instant(rs, "next_attempt_at"), rs.getObject("recording_id", UUID.class),
                rs.getString("error_code"), rs.getString("error_detail"), rs.getBoolean("orphan"),
                rs.getString("source_signature"), Jdbc.instant(rs, "source_seen_at"),
                Jdbc.instant(rs, "missing_alerted_at"), Jdbc.instant(rs, "created_at"));
    }
}
