package kz.line102.callcenter.call;

import java.time.Instant;
import java.util.List;

import kz.line102.cti.CallId;

/**
 * What we know of one call, projected from its events. Times are null until the
 * event that sets them has arrived; {@code outcome} is null while the call goes on.
 * {@code fullyObserved} is false when part of it was filled in by a resync after a
 * gap in the PBX link, so its times are approximate.
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
        int eventCount) {
}
