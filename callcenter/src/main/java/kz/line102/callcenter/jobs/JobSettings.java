package kz.line102.callcenter.jobs;

import java.time.Duration;

/** How the engine polls, holds and retries the jobs of one step; each step's properties record implements it. */
public interface JobSettings {

    /** How often due jobs are looked for (an enqueue wakes the step at once). */
    Duration pollInterval();

    /** How long a node owns a job it took; a node that dies leaves it to the others after this. */
    Duration lease();

    /** Tries before a job is parked as dead. */
    int maxAttempts();

    /** Wait after the first failure, doubled after each next one up to {@link #retryMax}. */
    Duration retryMin();

    Duration retryMax();

    /** Wake-ups handled at once per node. */
    int consumers();

    /**
     * The wait before the next try after {@code attemptsMade} failed ones: {@code retryMin}
     * doubled per attempt after the first, at most {@code retryMax}.
     */
    static Duration backoff(int attemptsMade, Duration retryMin, Duration retryMax) {
        long delay = retryMin.toMillis() << Math.min(20, Math.max(0, attemptsMade - 1));
        return Duration.ofMillis(Math.min(delay, retryMax.toMillis()));
    }
}
