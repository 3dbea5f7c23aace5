package kz.line102.cti;

import java.time.Instant;

/**
 * The caller's channel is gone. {@code cause} is the Q.850 cause the PBX gave
 * ({@code 0} when the caller left before a cause applied). {@code source} says how we
 * know: {@link EventSource#INFERRED} when nothing reported the end (a resync found the
 * call gone after a gap in the link, the sweeper, a PBX restart), and {@code at} is
 * then the time of that inference or the last moment the call was known up.
 * {@code observed} is kept for the wire: true unless inferred (stored lines without a
 * source take it from this flag).
 */
public record CallEnded(EventId eventId, CallId callId, Instant at,
                        int cause, String causeText, boolean observed, EventSource source) implements CallEvent {

    public CallEnded {
        source = source != null ? source : observed ? EventSource.OBSERVED : EventSource.INFERRED;
        observed = source != EventSource.INFERRED;
    }

    public CallEnded(EventId eventId, CallId callId, Instant at, int cause, String causeText, boolean observed) {
        this(eventId, callId, at, cause, causeText, observed, null);
    }
}
