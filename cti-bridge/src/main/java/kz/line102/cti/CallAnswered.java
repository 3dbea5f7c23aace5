package kz.line102.cti;

import java.time.Instant;

/**
 * An operator answered. {@code holdSeconds} is the PBX's own count of the caller's
 * wait in the queue, {@code ringSeconds} how long this operator's phone rang.
 */
public record CallAnswered(EventId eventId, CallId callId, Instant at,
                           String queue, String operator, int holdSeconds, int ringSeconds,
                           EventSource source) implements CallEvent {

    public CallAnswered {
        source = EventSource.orObserved(source);
    }

    /** An event seen live on AMI. */
    public CallAnswered(EventId eventId, CallId callId, Instant at, String queue, String operator, int holdSeconds,
                        int ringSeconds) {
        this(eventId, callId, at, queue, operator, holdSeconds, ringSeconds, EventSource.OBSERVED);
    }
}

