package kz.line102.callcenter.incident.deadletter;

import java.time.Instant;
import java.util.UUID;

/** A job parked as dead, with the card it belongs to (or, for a call intake hand-off, its call). */
public record DeadLetter(long jobId, String step, String target, UUID incidentId, String kuiNumber,
                         String incidentStatus, int attempts, String lastError, Instant createdAt,
                         Instant deadSince, UUID callId) {
}
