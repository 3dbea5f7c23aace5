package kz.line102.recorder.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code recording_ingest_jobs}. Its id becomes the recording's id.
 *
 * @param orphan          found by the sweep with no call to match it
 * @param sourceSignature what the source looked like (size, modification time) when last seen
 * @param sourceSeenAt    since when it has looked like that
 * @param createdAt       when the job began: the missing horizon counts from it
 */
public record IngestJob(UUID id, String sourceName, String callId, Instant callAt, String callerNumber,
                        String operator, String retentionClass, IngestState state, int attempts,
                        Instant nextAttemptAt, UUID recordingId, String errorCode, String errorDetail,
                        boolean orphan, String sourceSignature, Instant sourceSeenAt, Instant missingAlertedAt,
                        Instant createdAt) {
}
