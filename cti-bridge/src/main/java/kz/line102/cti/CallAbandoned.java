package kz.line102.cti;

import java.time.Instant;

/** The caller hung up while waiting in the queue. */
public record CallAbandoned(EventId eventId, CallId callId, Instant at,
                            String queue, int position, int originalPosition, int holdSeconds) implements CallEvent {
}
