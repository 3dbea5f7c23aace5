package kz.line102.cti;

import java.time.Instant;

/** The caller joined an operator queue at {@code position} (1 = next to be served). */
public record CallQueued(EventId eventId, CallId callId, Instant at,
                         String queue, int position,
                         EventSource source) implements CallEvent {

    public CallQueued {
        source = EventSource.orObserved(source);
    }

    /** An event seen live on AMI. */
    public CallQueued(EventId eventId, CallId callId, Instant at, String queue, int position) {
        this(eventId, callId, at, queue, position, EventSource.OBSERVED);
    }
}

