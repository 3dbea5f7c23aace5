package kz.line102.callcenter.call;

import java.time.Instant;
import java.util.List;

import kz.line102.cti.CallId;
import kz.line102.cti.EventSource;

/**
 * What we know of one call, projected from its events. Times are null until the
 * event that sets them has arrived; {@code outcome} is null while the call goes on.
 * {@code fullyObserved} is true when every fact it shows was seen live on AMI.
 * {@code source} is the weakest source among those facts (observed, logged by the PBX,
 * inferred after a gap: then some times are approximate); {@code answerSource} and
 * {@code endSource} say it for the answer (or abandon) and for the end. {@code operator}
 * is the desk's extension; {@code operatorUser} the user signed in there at the answer
 * (null until the record is stored, and when nobody was).
 */
public record CallRecord(
        CallId id,
        String callerNumber,
        String callerNumberE164,
        String callerNumberStatus,
        String callerName,
        String dialedNumber,
        String queue,
        String operator,
        CallOutcome outcome,
        Instant offeredAt,
        Instant queuedAt,
        Instant answeredAt,
        Instant endedAt,
        Integer waitSeconds,
        Integer talkSeconds,
        String hungUpBy,
        Integer endCause,
        String endCauseText,
        List<String> missedOperators,
        boolean fullyObserved,
        String recordingFile,
        Instant recordingFinishedAt,
        int eventCount,
        EventSource source,
        EventSource answerSource,
        EventSource endSource,
        String operatorUser) {

    /** A record as projected from events: who sat at the desk is found when it is stored. */
    public CallRecord(CallId id, String callerNumber, String callerNumberE164, String callerNumberStatus,
                      String callerName, String dialedNumber, String queue, String operator, CallOutcome outcome,
                      Instant offeredAt, Instant queuedAt, Instant answeredAt, Instant endedAt, Integer waitSeconds,
                      Integer talkSeconds, String hungUpBy, Integer endCause, String endCauseText,
                      List<String> missedOperators, boolean fullyObserved, String recordingFile,
                      Instant recordingFinishedAt, int eventCount, EventSource source, EventSource answerSource,
                      EventSource endSource) {
        this(id, callerNumber, callerNumberE164, callerNumberStatus, callerName, dialedNumber, queue, operator,
                outcome, offeredAt, queuedAt, answeredAt, endedAt, waitSeconds, talkSeconds, hungUpBy, endCause,
                endCauseText, missedOperators, fullyObserved, recordingFile, recordingFinishedAt, eventCount, source,
                answerSource, endSource, null);
    }
}
