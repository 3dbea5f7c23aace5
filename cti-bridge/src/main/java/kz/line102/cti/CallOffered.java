package kz.line102.cti;

import java.time.Instant;

/**
 * A call reached the PBX on an inbound line. {@code callerNumber} is exactly as the
 * network sent it ({@code null} when withheld). {@code source} says how we know:
 * {@link EventSource#INFERRED} when the bridge learnt of the call only from a resync
 * after a gap in its PBX link, in which case {@code at} is reconstructed from the
 * channel's age. {@code observed} is kept for the wire: true unless inferred (stored
 * lines without a source take it from this flag).
 */
public record CallOffered(EventId eventId, CallId callId, Instant at,
                          String callerNumber, String callerName, String dialedNumber,
                          boolean observed, EventSource source) implements CallEvent {

    public CallOffered {
        source = source != null ? source : observed ? EventSource.OBSERVED : EventSource.INFERRED;
        observed = source != EventSource.INFERRED;
    }

    public CallOffered(EventId eventId, CallId callId, Instant at, String callerNumber, String callerName,
                       String dialedNumber, boolean observed) {
        this(eventId, callId, at, callerNumber, callerName, dialedNumber, observed, null);
    }
}
