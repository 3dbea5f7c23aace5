package kz.line102.recorder.access;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What a download hands over besides the bytes: enough to name the file and to prove
 * later that it is the archived one (its SHA-256, also the archive file's name).
 */
public record DownloadManifest(UUID recordingId, String callId, String incidentId, Instant callAt,
                               String callerNumber, String operator, Duration duration, String fileName,
                               String contentType, long sizeBytes, String sha256) {
}
