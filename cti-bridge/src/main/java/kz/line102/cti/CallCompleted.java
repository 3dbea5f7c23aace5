package kz.line102.cti;

import java.time.Instant;

/**
 * The conversation with the operator ended. {@code talkSeconds} and
 * {@code holdSeconds} are the PBX's own counts; {@code hungUpBy} is {@code caller}
 * or {@code agent} as the PBX reports it.
 */
public record CallCompleted(EventId eventId, CallId callId, Instant at,
                            String queue, String operator, int holdSeconds, int talkSeconds,
                            String hungUpBy,
                            EventSource source) implements CallEvent {

    public CallCompleted {
        source = EventSource.orObserved(source);
    }

    /** An event seen live on AMI. */
    public CallCompleted(EventId eventId, CallId callId, Instant at, String queue, String operator, int holdSeconds,
                         int talkSeconds, String hungUpBy) {
        this(eventId, callId, at, queue, operator, holdSeconds, talkSeconds, hungUpBy, EventSource.OBSERVED);
    }
}

