package kz.line102.cti;

import java.time.Instant;

/** The PBX started recording the call into {@code fileName} (a path on the PBX). */
public record RecordingStarted(EventId eventId, CallId callId, Instant at,
                               String fileName) implements CallEvent {
}
