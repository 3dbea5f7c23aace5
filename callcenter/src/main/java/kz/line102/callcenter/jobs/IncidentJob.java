package kz.line102.callcenter.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * One unit of durable work, on a card ({@code incidentId}) or on a call ({@code callId}):
 * {@code step} names the flow ({@code register}, {@code alert}, {@code export},
 * {@code report}, {@code call-handoff} ...), {@code target} tells apart several jobs of one
 * step (an export per registry; empty when there is one).
 * {@code status}: {@code pending}, {@code running} (claimed, until {@code leaseUntil}),
 * {@code done} or {@code dead} (parked after its attempts; replayable).
 */
public record IncidentJob(long id, UUID incidentId, String step, String target, String status, int attempts,
                          Instant nextAttemptAt, Instant leaseUntil, String claimedBy, String lastError,
                          String payload, Instant createdAt, Instant updatedAt, Instant doneAt, UUID callId) {

    /** A card's job. */
    public IncidentJob(long id, UUID incidentId, String step, String target, String status, int attempts,
                       Instant nextAttemptAt, Instant leaseUntil, String claimedBy, String lastError,
                       String payload, Instant createdAt, Instant updatedAt, Instant doneAt) {
        this(id, incidentId, step, target, status, attempts, nextAttemptAt, leaseUntil, claimedBy, lastError, payload,
                createdAt, updatedAt, doneAt, null);
    }
}
