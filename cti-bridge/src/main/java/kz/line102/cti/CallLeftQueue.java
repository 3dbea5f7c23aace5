package kz.line102.cti;

import java.time.Instant;

/**
 * The caller left the queue, for any reason: answered (the PBX says so before the
 * answer itself), abandoned, or timed out. Only together with the other events of
 * the call does it tell which.
 */
public record CallLeftQueue(EventId eventId, CallId callId, Instant at,
                            String queue, int position, int count,
                            EventSource source) implements CallEvent {

    public CallLeftQueue {
        source = EventSource.orObserved(source);
    }

    /** An event seen live on AMI. */
    public CallLeftQueue(EventId eventId, CallId callId, Instant at, String queue, int position, int count) {
        this(eventId, callId, at, queue, position, count, EventSource.OBSERVED);
    }
}

