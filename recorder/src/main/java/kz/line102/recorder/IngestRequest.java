package kz.line102.recorder;

import java.time.Instant;

/**
 * A finished PBX recording to archive: what the call centre learns from the call's
 * {@code RecordingFinished} event and its call record.
 *
 * @param callId         the call's project id
 * @param sourceName     the file name the PBX reported (a path on the PBX)
 * @param callAt         the call's time (retention counts from it, never from the ingest time)
 * @param callerNumber   the caller's number, or null
 * @param operator       the answering operator, or null
 * @param retentionClass a retention class, or null for the configured default
 * @param orphan         found in the PBX's recordings without any call to match it (the
 *                       call id is then the one derived from the file name)
 */
public record IngestRequest(String callId, String sourceName, Instant callAt,
                            String callerNumber, String operator, String retentionClass, boolean orphan) {

    public IngestRequest {
        callId = InvalidRequestException.requireText(callId, "call id");
        sourceName = InvalidRequestException.requireText(sourceName, "source file name");
        if (callAt == null) {
            throw new InvalidRequestException("call time is required");
        }
    }

    public IngestRequest(String callId, String sourceName, Instant callAt, String callerNumber, String operator,
                         String retentionClass) {
        this(callId, sourceName, callAt, callerNumber, operator, retentionClass, false);
    }

    /** A request with the default retention class. */
    public static IngestRequest of(String callId, String sourceName, Instant callAt,
                                   String callerNumber, String operator) {
        return new IngestRequest(callId, sourceName, callAt, callerNumber, operator, null);
    }
}
