package kz.line102.callcenter.caller;

import java.time.Instant;
import java.util.List;

/**
 * What the operator sees about a caller, in one lookup.
 *
 * @param numberE164        null unless {@code numberStatus} is {@code valid}
 * @param subscriber        null when the number is in no registry (or cannot be looked up)
 * @param lastAbandonedAt   the latest abandoned or timed-out call in the last hour, if any
 * @param callbackCandidate a call from this number was abandoned in the last hour and none answered since
 * @param repeatCaller      at least {@code repeat-threshold} calls in 24 h, the ringing one included
 */
public record CallerCard(String numberRaw, String numberE164, String numberStatus, Subscriber subscriber,
                         int callsLast24h, int callsLast30d, List<RecentCall> recentCalls, Instant lastAbandonedAt,
                         boolean callbackCandidate, boolean repeatCaller, Instant at) {

    /** One earlier call; {@code outcome} is {@code in-progress} while it lasts. */
    public record RecentCall(String callId, Instant offeredAt, String outcome) {
    }
}
