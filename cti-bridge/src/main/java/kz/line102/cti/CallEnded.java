package kz.line102.cti;

import java.time.Instant;

/**
 * The caller's channel is gone. {@code cause} is the Q.850 cause the PBX gave
 * ({@code 0} when the caller left before a cause applied). {@code observed} is false
 * when the end was inferred by a resync: the call was no longer at the PBX after a
 * gap in the link, and {@code at} is the time of that resync.
 */
public record CallEnded(EventId eventId, CallId callId, Instant at,
                        int cause, String causeText, boolean observed) implements CallEvent {
}
