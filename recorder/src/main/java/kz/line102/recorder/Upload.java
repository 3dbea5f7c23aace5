package kz.line102.recorder;

import java.time.Instant;

/**
 * A recording a person hands to the recorder (not the PBX): an interview recorded on a
 * device of its own.
 *
 * @param ownerId        what the recording is filed under (its {@code callId}): the
 *                       caller's kind and id of what was recorded, e.g. {@code certification-case/42};
 *                       the slash keeps it apart from every call's id (a UUID), so the call
 *                       archive never lists an upload ({@link #isUploadOwner})
 * @param fileName       the name the person gave the file (its extension tells the format)
 * @param recordedAt     when it was recorded: retention counts from it
 * @param uploadedBy     the user who uploaded it (kept as the recording's operator)
 * @param retentionClass the retention class
 * @param maxBytes       the largest file taken
 * @param videoAllowed   whether a video is archived as one (remuxed, picture kept): the
 *                       caller's rule, because only the caller knows what the recording is
 *                       for (a certification interview is recorded with its picture; a
 *                       call's recording is speech and a video there is refused)
 */
public record Upload(String ownerId, String fileName, Instant recordedAt, String uploadedBy,
                     String retentionClass, long maxBytes, boolean videoAllowed) {

    public Upload {
        ownerId = InvalidRequestException.requireText(ownerId, "owner id");
        if (!isUploadOwner(ownerId)) {
            throw new InvalidRequestException("an upload's owner id is kind/id (e.g. certification-case/42), got '"
                    + ownerId + "'");
        }
        uploadedBy = InvalidRequestException.requireText(uploadedBy, "uploaded by");
        retentionClass = InvalidRequestException.requireText(retentionClass, "retention class");
        if (recordedAt == null) {
            throw new InvalidRequestException("recording time is required");
        }
        if (maxBytes < 1) {
            throw new InvalidRequestException("the size limit must be positive");
        }
    }

    /** An upload whose video is refused: the archive keeps its sound only. */
    public Upload(String ownerId, String fileName, Instant recordedAt, String uploadedBy, String retentionClass,
                  long maxBytes) {
        this(ownerId, fileName, recordedAt, uploadedBy, retentionClass, maxBytes, false);
    }

    /** Whether recordings filed under this id were uploaded for a feature (kind/id), not recorded from a call. */
    public static boolean isUploadOwner(String callId) {
        int slash = callId == null ? -1 : callId.indexOf('/');
        return slash > 0 && slash < callId.length() - 1;
    }
}
