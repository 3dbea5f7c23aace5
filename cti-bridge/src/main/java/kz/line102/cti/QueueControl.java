package kz.line102.cti;

import java.time.Instant;
import java.util.List;

/**
 * The PBX's queues as the call centre drives them: membership of operator interfaces,
 * pauses, and what app_queue holds now. Asterisk is the truth for pauses (an operator may
 * change them at the phone); the signed-in operators are the truth for membership (a
 * PBX restart that lost them is repaired). Every command answers only once the PBX has answered, and throws
 * {@link QueueCommandException} with a stable reason when it did not take it.
 */
public interface QueueControl {

    /** Adds {@code iface} to {@code queue}; an interface already there is not an error. */
    void add(String queue, String iface, String memberName, int penalty);

    /** Removes {@code iface} from {@code queue}; an interface not there is not an error. */
    void remove(String queue, String iface);

    /**
     * Pauses or unpauses {@code iface} in {@code queue}, or in every queue it is a member
     * of when {@code queue} is null. {@code reason} is shown by Asterisk (PausedReason).
     */
    void pause(String queue, String iface, boolean paused, String reason);

    /** Sets the penalty of {@code iface} in {@code queue} (QueuePenalty). */
    void penalty(String queue, String iface, int penalty);

    /** Members and waiting callers of every queue, read with one QueueStatus. */
    Status status();

    /** Whether commands can be sent now. */
    boolean available();

    /**
     * Whether this node holds the PBX's AMI link (and so hears its member events): work
     * that must run once per PBX across nodes, such as the periodic queue reconciliation,
     * runs where this is true. A single node without a lease always holds it.
     */
    default boolean linkHolder() {
        return available();
    }

    /**
     * Called after every login once the link is in sync again (at start and after each
     * reconnect), on the link's own thread: hand slow work elsewhere.
     */
    void onLinkUp(Runnable listener);

    /**
     * Called for every QueueMemberAdded, QueueMemberRemoved and QueueMemberPause the PBX
     * sends (those our own commands cause included), on the AMI dispatch thread: hand
     * off at once. A change made at the PBX itself is heard this way, not only at the
     * next periodic QueueStatus.
     */
    void onMemberChange(Runnable listener);

    /** One queue member as QueueStatus reports it. */
    record Member(String queue, String iface, String name, boolean dynamic, int penalty, boolean paused,
                  String pausedReason, int deviceStatus, boolean inCall) {
    }

    /** One caller waiting in a queue. */
    record Waiting(String queue, int position, long waitSeconds) {
    }

    /** A queue's own figures (QueueParams). */
    record QueueFigures(String queue, String strategy, int calls, int completed, int abandoned,
                        int serviceLevelSeconds, String serviceLevelPerf) {
    }

    /** What the PBX answered to one QueueStatus, and when it was asked. */
    record Status(Instant at, List<QueueFigures> queues, List<Member> members, List<Waiting> waiting) {
    }
}
