package kz.line102.recorder.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** The job for this source file: created now, or the one an earlier submit created. */
    public IngestJob insertOrGet(IngestRequest r, String retentionClass, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into recording_ingest_jobs (id, source_name,"
                    + " call_id, call_at, caller_number, operator, retention_class, state, next_attempt_at,"
                    + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)"
                    + " on conflict (source_name) do nothing")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, r.sourceName());
                ps.setString(3, r.callId());
                Jdbc.set(ps, 4, r.callAt());
                ps.setString(5, r.callerNumber());
                ps.setString(6, r.operator());
                ps.setString(7, retentionClass);
                Jdbc.set(ps, 8, now);
                Jdbc.set(ps, 9, now);
                Jdbc.set(ps, 10, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select * from recording_ingest_jobs where source_name = ?")) {
                ps.setString(1, r.sourceName());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return map(rs);
                }
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
                rs.getString("error_code"), rs.getString("error_detail"));
    }
}
