package kz.line102.recorder.retention;

import java.time.Instant;
import java.util.UUID;

/** A legal hold on one recording: while it is not lifted, no purge deletes the recording. */
public record LegalHold(UUID id, UUID recordingId, String reason, String reference, String placedBy,
                        Instant placedAt, String liftedBy, Instant liftedAt, String liftReason,
                        String liftReference) {

    public boolean active() {
        return liftedAt == null;
    }
}
