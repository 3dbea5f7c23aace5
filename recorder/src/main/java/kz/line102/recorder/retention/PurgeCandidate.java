package kz.line102.recorder.retention;

import java.time.Instant;
import java.time.Period;
import java.util.UUID;

/** A recording a purge deletes (or deleted): what it was and when it expired. */
public record PurgeCandidate(UUID recordingId, String callId, String path, Instant callAt,
                             String retentionClass, Period keepFor, Instant expiredAt) {
}
