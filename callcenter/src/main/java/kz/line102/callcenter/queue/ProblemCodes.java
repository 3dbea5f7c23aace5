package kz.line102.callcenter.queue;

/**
 * The codes this module answers with, in one place. Field codes (with a dot) are the queue
 * configuration's validation, each with its text under {@code field.<code>} in the message bundle
 * (ru, kk, en); clients and the page rely on them.
 */
public final class ProblemCodes {

    public static final String NO_QUEUES = "queue.none";
    public static final String EMPTY_QUEUE = "queue.empty";
    public static final String NAME_FORMAT = "queue.name-format";
    public static final String NAME_TAKEN = "queue.name-taken";
    public static final String STRATEGY = "queue.strategy";
    public static final String RANGE = "queue.range";
    public static final String MEMBER_NAME = "queue.member-name";
    public static final String MEMBER_TWICE = "queue.member-twice";
    public static final String STILL_ROUTED = "queue.still-routed";

    private ProblemCodes() {
    }
}
