package kz.line102.cti;

import java.time.Instant;

/**
 * The caller left the queue, for any reason: answered (the PBX says so before the
 * answer itself), abandoned, or timed out. Only together with the other events of
 * the call does it tell which.
 */
public record CallLeftQueue(EventId eventId, CallId callId, Instant at,
                            String queue, int position, int count) implements CallEvent {
}
