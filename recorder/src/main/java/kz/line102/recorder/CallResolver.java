package kz.line102.recorder;

import java.time.Instant;
import java.util.Optional;

/**
 * Finds the call a recording file belongs to, for files no call event announced (the
 * orphan sweep). The application implements it from its call records; the recorder
 * knows only that a MixMonitor file name carries the uniqueid of the call's first
 * channel, which the PBX also uses as the call's Linkedid.
 */
public interface CallResolver {

    /** Matches nothing: every swept file becomes an orphan. */
    CallResolver NONE = uniqueId -> Optional.empty();

    /** The recorded call whose first channel had {@code uniqueId}, if there is a record of it. */
    Optional<Call> find(String uniqueId);

    /**
     * The call id an orphan is filed under: the id its call would have (so a call record
     * that turns up later finds its recording), or a name-based one when the file name
     * carries no uniqueid.
     */
    default String orphanCallId(String fileName, String uniqueId) {
        return "orphan/" + (uniqueId != null ? uniqueId : fileName);
    }

    /**
     * @param callId       the call's project id
     * @param callAt       when the call was offered, or null when the record lacks it
     * @param callerNumber the caller's number, or null
     * @param operator     the answering operator, or null
     */
    record Call(String callId, Instant callAt, String callerNumber, String operator) {
    }
}
