package kz.line102.cti;

import java.time.Instant;

/**
 * One past-tense fact about one call, as the rest of the system sees it. Events of one
 * call share its {@link CallId}; each has its own {@link EventId}. {@code at} is when
 * it happened at the PBX (the AMI timestamp), or the bridge's clock where the PBX gave
 * none.
 */
public sealed interface CallEvent
        permits CallOffered, CallQueued, OperatorRang, OperatorMissed, CallAnswered, CallAbandoned,
                CallLeftQueue, CallCompleted, CallEnded, RecordingStarted, RecordingFinished {

    EventId eventId();

    CallId callId();

    Instant at();

    /** How we know it; events that carry no source were seen live. */
    default EventSource source() {
        return EventSource.OBSERVED;
    }

    /** The stable name of the event type, used on the wire. */
    default String type() {
        return getClass().getSimpleName();
    }
}
