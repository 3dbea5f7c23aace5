package kz.line102.cti;

import java.time.Instant;

/** The caller hung up while waiting in the queue. */
public record CallAbandoned(EventId eventId, CallId callId, Instant at,
                            String queue, int position, int originalPosition, int holdSeconds,
                            EventSource source) implements CallEvent {

    public CallAbandoned {
        source = EventSource.orObserved(source);
    }

    /** An event seen live on AMI. */
    public CallAbandoned(EventId eventId, CallId callId, Instant at, String queue, int position, int originalPosition,
                         int holdSeconds) {
        this(eventId, callId, at, queue, position, originalPosition, holdSeconds, EventSource.OBSERVED);
    }
}

