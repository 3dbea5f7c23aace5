package kz.line102.recorder.ingest;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code recording_ingest_jobs}. Its id becomes the recording's id. */
public record IngestJob(UUID id, String sourceName, String callId, Instant callAt, String callerNumber,
                        String operator, String retentionClass, IngestState state, int attempts,
                        Instant nextAttemptAt, UUID recordingId, String errorCode, String errorDetail) {
}
