package kz.line102.callcenter.operator;

import java.time.Instant;
import java.util.List;

/**
 * An operator's state as shown to them and to supervisors: {@code offline} (in no
 * queue), {@code ready}, {@code paused} (with its reason) or {@code wrap-up} (until
 * {@code wrapUpUntil}); {@code queues} are those the PBX has their interface in;
 * {@code updatedAt} is when the row was last written (null: never).
 */
public record OperatorState(String username, String displayName, String state, String reason, Instant since,
                            String iface, String workstation, List<String> queues, Instant wrapUpUntil,
                            Instant updatedAt) {

    static final String OFFLINE = "offline";
    static final String READY = "ready";
    static final String PAUSED = "paused";
    static final String WRAP_UP = "wrap-up";
    /** The PausedReason a wrap-up pause carries in the PBX. */
    public static final String WRAP_UP_REASON = "wrap-up";

    boolean pausedInPbx() {
        return PAUSED.equals(state) || WRAP_UP.equals(state);
    }
}
