package kz.line102.callcenter.incident;

import java.time.Duration;

/** How a flow driven by {@code incident_jobs} polls, holds and retries its jobs. */
public interface JobFlowSettings {

    /** How often due jobs are looked for (a change wakes the flow at once). */
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
}
