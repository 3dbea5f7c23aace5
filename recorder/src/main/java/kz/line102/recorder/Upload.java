package kz.line102.recorder;

import java.time.Instant;

/**
 * A recording a person hands to the recorder (not the PBX): an interview recorded on a
 * device of its own.
 *
 * @param ownerId        what the recording is filed under (its {@code callId}): the
 *                       caller's id of what was recorded, e.g. {@code certification-case/42}
 * @param fileName       the name the person gave the file (its extension tells the format)
 * @param recordedAt     when it was recorded: retention counts from it
 * @param uploadedBy     the user who uploaded it (kept as the recording's operator)
 * @param retentionClass the retention class
 * @param maxBytes       the largest file taken
 */
public record Upload(String ownerId, String fileName, Instant recordedAt, String uploadedBy,
                     String retentionClass, long maxBytes) {

    public Upload {
        ownerId = InvalidRequestException.requireText(ownerId, "owner id");
        uploadedBy = InvalidRequestException.requireText(uploadedBy, "uploaded by");
        retentionClass = InvalidRequestException.requireText(retentionClass, "retention class");
        if (recordedAt == null) {
            throw new InvalidRequestException("recording time is required");
        }
        if (maxBytes < 1) {
            throw new InvalidRequestException("the size limit must be positive");
        }
    }
}
