package kz.line102.cti;

import java.time.Instant;

/**
 * The recording file of the call is closed and may be fetched. The PBX closes
 * MixMonitor files when the call ends, so this follows the end of the call.
 */
public record RecordingFinished(EventId eventId, CallId callId, Instant at,
                                String fileName,
                                EventSource source) implements CallEvent {

    public RecordingFinished {
        source = EventSource.orObserved(source);
    }

    /** An event seen live on AMI. */
    public RecordingFinished(EventId eventId, CallId callId, Instant at, String fileName) {
        this(eventId, callId, at, fileName, EventSource.OBSERVED);
    }
}

