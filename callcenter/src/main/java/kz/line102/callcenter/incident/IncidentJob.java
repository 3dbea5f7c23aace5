package kz.line102.callcenter.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One unit of durable work on a card: {@code step} names the flow ({@code register},
 * later {@code alert}, {@code eido-export} ...), {@code target} tells apart several
 * jobs of one step (an export per registry; empty when there is one).
 * {@code status}: {@code pending}, {@code running} (claimed, until {@code leaseUntil}),
 * {@code done} or {@code dead} (parked after its attempts; replayable).
 */
public record IncidentJob(long id, UUID incidentId, String step, String target, String status, int attempts,
                          Instant nextAttemptAt, Instant leaseUntil, String claimedBy, String lastError,
                          String payload, Instant createdAt, Instant updatedAt, Instant doneAt) {
}
