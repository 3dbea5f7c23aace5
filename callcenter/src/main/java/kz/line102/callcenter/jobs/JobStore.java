package kz.line102.callcenter.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where the jobs of a step are kept and claimed. {@link IncidentJobs} ({@code incident_jobs})
 * keeps nearly every step; a feature whose job state lives in its own row (an alert's
 * outbound delivery) implements this over that row, and the engine runs it the same way.
 * Claims must use {@code FOR UPDATE SKIP LOCKED} and a lease, so that any node may claim
 * and a dead node's job is claimable again when its lease runs out.
 *
 * @param <J> the job as read
 */
public interface JobStore<J> {

    /** {@code wakeUp} gets the job's key (or null) right after each commit that enqueued {@code step}. */
    void onEnqueued(String step, Consumer<UUID> wakeUp);

    /** Claims up to {@code limit} due jobs: pending ones whose time has come, and those whose lease ran out. */
    List<J> claimDue(String step, int limit, Duration lease, String node);

    /** Claims the due job of {@code step} for one key (a card), if nobody holds it. */
    default Optional<J> claim(String step, UUID key, Duration lease, String node) {
        return claimDue(step, 1, lease, node).stream().findFirst();
    }

    /** Marks a claimed job done; a job its handler already completed in its own transaction stays as it is. */
    void complete(J job);

    /** Gives the job back for another try after {@code wait}. */
    void retryLater(J job, String error, Duration wait);

    /** Parks the job as dead: nothing runs it again until it is replayed. */
    void parkDead(J job, String error);

    /** Attempts made, the one that has just run included. */
    int attempts(J job);

    /** The job's log fields ({@code incidentId=… job 12}). */
    String describe(J job);

    /** When the oldest job of {@code step} not yet done or dead was enqueued. */
    Optional<Instant> oldestWaiting(String step);
}
