package kz.line102.cti.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One app_queue queue as played so far: members, waiting callers and the running averages. */
final class LiveQueue {

    /** Member fields in the order QueueMember reports them, after Queue/Name/Location. */
    static final List<String> MEMBER_FIELDS = List.of("StateInterface", "Membership", "Penalty", "CallsTaken",
            "LastCall", "LastPause", "LoginTime", "InCall", "Status", "Paused", "PausedReason", "Wrapuptime");
    static final int SERVICE_LEVEL_SECONDS = 20;

    record Entry(String uniqueid, String channel, String callerIdNum, String callerIdName,
                 String priority, long joinedNanos, double pace) {

        long waitSeconds(long nowNanos) {
            double factor = pace > 0 ? pace : 1.0;
            return (long) ((nowNanos - joinedNanos) * factor / 1_000_000_000L);
        }
    }

    final String name;
    String strategy = "linear";
    String max = "0";
    /** By interface (PJSIP/1001); values keyed like QueueMemberStatus headers plus Name. */
    final Map<String, Map<String, String>> members = new LinkedHashMap<>();
    final List<Entry> entries = new ArrayList<>();
    int holdTime;
    int talkTime;
    int completed;
    int abandoned;
    int completedInServiceLevel;
    int abandonedInServiceLevel;

    LiveQueue(String name) {
        this.name = name;
    }

    void join(Entry entry, int position) {
        entries.add(Math.max(0, Math.min(position - 1, entries.size())), entry);
    }

    void leave(String uniqueid) {
        entries.removeIf(e -> e.uniqueid().equals(uniqueid));
    }

    /** app_queue's weighted average: three parts old, one part new. */
    void connected(int hold) {
        holdTime = (holdTime * 3 + hold) / 4;
        if (hold <= SERVICE_LEVEL_SECONDS) {
            completedInServiceLevel++;
        }
    }

    void completed(int talk) {
        talkTime = (talkTime * 3 + talk) / 4;
        completed++;
    }

    void abandoned(int hold) {
        abandoned++;
        if (hold <= SERVICE_LEVEL_SECONDS) {
            abandonedInServiceLevel++;
        }
    }

    String serviceLevelPerf() {
        return completed == 0 ? "0.0" : String.format(Locale.ROOT, "%.1f", 100.0 * completedInServiceLevel / completed);
    }

    String serviceLevelPerf2() {
        int all = completed + abandoned;
        return all == 0 ? "0.0"
                : String.format(Locale.ROOT, "%.1f", 100.0 * (completedInServiceLevel + abandonedInServiceLevel) / all);
    }
}
