package kz.line102.cti;

import java.time.Instant;

/** An operator's phone rang out without an answer; the queue goes on to another. */
public record OperatorMissed(EventId eventId, CallId callId, Instant at,
                             String queue, String operator, long ringMillis) implements CallEvent {
}
