package kz.line102.callcenter.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable work table of the incident flows ({@code incident_jobs}). A flow enqueues
 * a step in the transaction that makes it necessary, claims due jobs with
 * {@code FOR UPDATE SKIP LOCKED} (so several nodes share the work and never take the
 * same job), and ends each claim with {@link #complete}, {@link #fail} or {@link #park}.
 * A claim holds a lease: when the node dies, the job is claimable again once the lease
 * runs out. A flow can register a wake-up for its step that runs right after the
 * enqueuing transaction commits, so it need not wait for its next poll.
 */
@Repository
public class IncidentJobs {

    private static final Logger log = LoggerFactory.getLogger(IncidentJobs.class);
    private static final int MAX_ERROR = 2000;

    private final JdbcTemplate jdbc;
    private final Map<String, Consumer<UUID>> wakeUps = new ConcurrentHashMap<>();

    IncidentJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code wakeUp} gets the card id after each commit that enqueued {@code step} for it. */
    public void onEnqueued(String step, Consumer<UUID> wakeUp) {
        wakeUps.put(step, wakeUp);
    }

    /**
     * Adds the job unless this card already has one for this step and target.
     *
     * @param payload JSON object text, or null for {@code {}}
     * @return whether a new job was added
     */
    public boolean enqueue(UUID incidentId, String step, String target, String payload) {
        int added = jdbc.update("""
                insert into incident_jobs (incident_id, step, target, payload) values (?, ?, ?, ?::jsonb)
                on conflict (incident_id, step, target) do nothing""", incidentId, step, target == null ? "" : target,
                payload == null ? "{}" : payload);
        if (added > 0) {
            wakeAfterCommit(incidentId, step);
        }
        return added > 0;
    }

    private void wakeAfterCommit(UUID incidentId, String step) {
        Consumer<UUID> wakeUp = wakeUps.get(step);
        if (wakeUp == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake(wakeUp, incidentId, step);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake(wakeUp, incidentId, step);
            }
        });
    }

    private static void wake(Consumer<UUID> wakeUp, UUID incidentId, String step) {
        try {
            wakeUp.accept(incidentId);
        } catch (RuntimeException e) {
            // The job is stored; the flow's poll takes it.
            log.warn("incidentId={} wake-up of step {} failed: {}", incidentId, step, e.toString());
        }
    }

    /** Claims up to {@code limit} due jobs of {@code step}: pending ones whose time has come and expired leases. */
    public List<IncidentJob> claimDue(String step, int limit, Duration lease, String node) {
        return jdbc.query("""
                update incident_jobs set status = 'running', attempts = attempts + 1,
                    lease_until = clock_timestamp() + ? * interval '1 millisecond', claimed_by = ?,
                    updated_at = clock_timestamp()
                where id in (select id from incident_jobs where step = ? and (
                        (status = 'pending' and next_attempt_at <= clock_timestamp())
                        or (status = 'running' and lease_until < clock_timestamp()))
                    order by next_attempt_at limit ? for update skip locked)
                returning *""", ROW, lease.toMillis(), node, step, limit);
    }

    /** Claims the job of {@code step} for one card if it is due and nobody holds it. */
    public Optional<IncidentJob> claim(String step, UUID incidentId, Duration lease, String node) {
        return jdbc.query("""
                update incident_jobs set status = 'running', attempts = attempts + 1,
                    lease_until = clock_timestamp() + ? * interval '1 millisecond', claimed_by = ?,
                    updated_at = clock_timestamp()
                where id in (select id from incident_jobs where step = ? and incident_id = ? and (
                        (status = 'pending' and next_attempt_at <= clock_timestamp())
                        or (status = 'running' and lease_until < clock_timestamp()))
                    for update skip locked)
                returning *""", ROW, lease.toMillis(), node, step, incidentId).stream().findFirst();
    }

    public void complete(long jobId) {
        jdbc.update("""
                update incident_jobs set status = 'done', lease_until = null, last_error = null,
                    done_at = clock_timestamp(), updated_at = clock_timestamp() where id = ?""", jobId);
    }

    /**
     * Gives the job back for a later attempt: after {@code retryMin} doubled per attempt
     * made, at most {@code retryMax}; parked as dead once {@code maxAttempts} are used.
     *
     * @return whether the job is now dead
     */
    public boolean fail(IncidentJob job, String error, int maxAttempts, Duration retryMin, Duration retryMax) {
        if (job.attempts() >= maxAttempts) {
            park(job.id(), error);
            return true;
        }
        long delay = retryMin.toMillis() << Math.min(20, Math.max(0, job.attempts() - 1));
        delay = Math.min(delay, retryMax.toMillis());
        jdbc.update("""
                update incident_jobs set status = 'pending', lease_until = null, last_error = ?,
                    next_attempt_at = clock_timestamp() + ? * interval '1 millisecond', updated_at = clock_timestamp()
                where id = ?""", clip(error), delay, job.id());
        return false;
    }

    /** Parks the job as dead: nothing retries it until {@link #replay}. */
    public void park(long jobId, String error) {
        jdbc.update("""
                update incident_jobs set status = 'dead', lease_until = null, last_error = ?,
                    updated_at = clock_timestamp() where id = ?""", clip(error), jobId);
    }

    /**
     * Makes a dead (or done) job pending again with fresh attempts.
     *
     * @return whether there was such a job that was not pending or running
     */
    public boolean replay(long jobId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                update incident_jobs set status = 'pending', attempts = 0, next_attempt_at = clock_timestamp(),
                    lease_until = null, done_at = null, updated_at = clock_timestamp()
                where id = ? and status in ('dead', 'done') returning incident_id, step""", jobId);
        rows.forEach(r -> wakeAfterCommit((UUID) r.get("incident_id"), (String) r.get("step")));
        return !rows.isEmpty();
    }

    public Optional<IncidentJob> find(long jobId) {
        return jdbc.query("select * from incident_jobs where id = ?", ROW, jobId).stream().findFirst();
    }

    public List<IncidentJob> forIncident(UUID incidentId) {
        return jdbc.query("select * from incident_jobs where incident_id = ? order by id", ROW, incidentId);
    }

    /** Jobs in {@code status} ({@code dead} for the dead-letter view), oldest change first. */
    public List<IncidentJob> byStatus(String step, String status, int limit) {
        return jdbc.query("""
                select * from incident_jobs where (?::text is null or step = ?) and status = ?
                order by updated_at, id limit ?""", ROW, step, step, status, limit);
    }

    private static String clip(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<IncidentJob> ROW = (rs, n) -> new IncidentJob(rs.getLong("id"),
            rs.getObject("incident_id", UUID.class), rs.getString("step"), rs.getString("target"),
            rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "lease_until"),
            rs.getString("claimed_by"), rs.getString("last_error"), rs.getString("payload"),
            instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "done_at"));
}
