package kz.line102.cti;

import java.time.Instant;

/** The PBX started recording the call into {@code fileName} (a path on the PBX). */
public record RecordingStarted(EventId eventId, CallId callId, Instant at,
                               String fileName,
                               EventSource source) implements CallEvent {

    public RecordingStarted {
        source = EventSource.orObserved(source);
    }

    /** An event seen live on AMI. */
    public RecordingStarted(EventId eventId, CallId callId, Instant at, String fileName) {
        this(eventId, callId, at, fileName, EventSource.OBSERVED);
    }
}

