package kz.line102.callcenter.jobs;

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
 * The durable job table ({@code incident_jobs}, named after its first users; it holds
 * the jobs of cards and of calls). A feature enqueues a step in the transaction that makes
 * it necessary; the engine ({@link JobRunner}) claims due jobs with
 * {@code FOR UPDATE SKIP LOCKED} (so several nodes share the work and never take the
 * same job) and ends each claim with {@link #complete}, {@link #retryLater} or
 * {@link #parkDead}. A claim holds a lease: when the node dies, the job is claimable again
 * once the lease runs out. The step's wake-up runs right after the enqueuing transaction
 * commits, so it need not wait for its next poll.
 */
@Repository
public class IncidentJobs implements JobStore<IncidentJob> {

    private static final Logger log = LoggerFactory.getLogger(IncidentJobs.class);
    private static final int MAX_ERROR = 2000;

    private final JdbcTemplate jdbc;
    private final Map<String, Consumer<UUID>> wakeUps = new ConcurrentHashMap<>();

    IncidentJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code wakeUp} gets the card id (null for a call's jobs) after each commit that enqueued {@code step}. */
    @Override
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

    /**
     * As {@link #enqueue}, but not due before {@code delay} has passed: work that belongs to a
     * later moment (the end of a wrap-up) waits in the table, so a restart loses nothing.
     */
    public boolean enqueueAfter(UUID incidentId, String step, String target, String payload, Duration delay) {
        int added = jdbc.update("""
                insert into incident_jobs (incident_id, step, target, payload, next_attempt_at)
                values (?, ?, ?, ?::jsonb, clock_timestamp() + ? * interval '1 millisecond')
                on conflict (incident_id, step, target) do nothing""", incidentId, step, target == null ? "" : target,
                payload == null ? "{}" : payload, Math.max(0, delay.toMillis()));
        return added > 0;
    }

    /**
     * Gives a running job back to be run at a later time, not as a failure: the claim's
     * attempt is not counted. A handler that finds its moment has not come yet calls it and
     * returns; the engine's completion then finds the job no longer running and leaves it.
     */
    public void postpone(IncidentJob job, Duration wait) {
        jdbc.update("""
                update incident_jobs set status = 'pending', lease_until = null, attempts = greatest(0, attempts - 1),
                    next_attempt_at = clock_timestamp() + ? * interval '1 millisecond', updated_at = clock_timestamp()
                where id = ? and status = 'running'""", Math.max(0, wait.toMillis()), job.id());
    }

    /** One job of a call to enqueue: {@code target} tells apart the jobs of one step. */
    public record CallJob(UUID callId, String target, String payload) {
    }

    /**
     * Adds the jobs of calls that are not there yet, on {@code tx}: the caller's own
     * template, so that they commit or roll back with the caller's transaction when that
     * runs on another pool (the call intake's).
     */
    public void enqueueForCalls(JdbcTemplate tx, String step, List<CallJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        tx.batchUpdate("""
                insert into incident_jobs (call_id, step, target, payload) values (?, ?, ?, ?::jsonb)
                on conflict (call_id, step, target) where call_id is not null do nothing""",
                jobs.stream().map(j -> new Object[] {j.callId(), step, j.target(),
                        j.payload() == null ? "{}" : j.payload()}).toList());
        wakeAfterCommit(null, step);
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
    @Override
    public List<IncidentJob> claimDue(String step, int limit, Duration lease, String node) {
        return claimWhere(step, null, limit, lease, node);
    }

    /** Claims the job of {@code step} for one card if it is due and nobody holds it. */
    @Override
    public Optional<IncidentJob> claim(String step, UUID incidentId, Duration lease, String node) {
        return claimWhere(step, incidentId, 1, lease, node).stream().findFirst();
    }

    private List<IncidentJob> claimWhere(String step, UUID incidentId, int limit, Duration lease, String node) {
        // A literal clause, not "? is null or ...": the planner keeps the card's unique index.
        String card = incidentId == null ? "" : " and incident_id = ?";
        Object[] args = incidentId == null ? new Object[] {lease.toMillis(), node, step, limit}
                : new Object[] {lease.toMillis(), node, step, incidentId, limit};
        return jdbc.query("""
                update incident_jobs set status = 'running', attempts = attempts + 1,
                    lease_until = clock_timestamp() + ? * interval '1 millisecond', claimed_by = ?,
                    updated_at = clock_timestamp()
                where id in (select id from incident_jobs where step = ?""" + card + """
                     and (
                        (status = 'pending' and next_attempt_at <= clock_timestamp())
                        or (status = 'running' and lease_until < clock_timestamp()))
                    order by next_attempt_at limit ? for update skip locked)
                returning *""", ROW, args);
    }

    /** Marks a running job done (a handler may do so in its own transaction; then this changes nothing). */
    public void complete(long jobId) {
        jdbc.update("""
                update incident_jobs set status = 'done', lease_until = null, last_error = null,
                    done_at = clock_timestamp(), updated_at = clock_timestamp() where id = ? and status = 'running'""",
                jobId);
    }

    @Override
    public void complete(IncidentJob job) {
        complete(job.id());
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
        retryLater(job, error, JobSettings.backoff(job.attempts(), retryMin, retryMax));
        return false;
    }

    @Override
    public void retryLater(IncidentJob job, String error, Duration wait) {
        jdbc.update("""
                update incident_jobs set status = 'pending', lease_until = null, last_error = ?,
                    next_attempt_at = clock_timestamp() + ? * interval '1 millisecond', updated_at = clock_timestamp()
                where id = ?""", clip(error), wait.toMillis(), job.id());
    }

    @Override
    public void parkDead(IncidentJob job, String error) {
        park(job.id(), error);
    }

    @Override
    public int attempts(IncidentJob job) {
        return job.attempts();
    }

    @Override
    public String describe(IncidentJob job) {
        return (job.incidentId() != null ? "incidentId=" + job.incidentId() : "callId=" + job.callId())
                + " job " + job.id();
    }

    @Override
    public Optional<Instant> oldestWaiting(String step) {
        return Optional.ofNullable(jdbc.queryForObject("""
                select min(created_at) from incident_jobs where step = ? and status in ('pending', 'running')""",
                Timestamp.class, step)).map(Timestamp::toInstant);
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
            instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "done_at"),
            rs.getObject("call_id", UUID.class));
}
