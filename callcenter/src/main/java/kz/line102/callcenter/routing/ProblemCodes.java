package kz.line102.callcenter.routing;

/**
 * The codes this module answers with, in one place. Field codes (with a dot) are the rule set's
 * validation, each with its text under {@code field.<code>} in the message bundle (ru, kk, en);
 * clients and the page rely on them.
 */
public final class ProblemCodes {

    public static final String TOO_MANY_RULES = "routing.too-many-rules";
    public static final String EMPTY_RULE = "routing.empty-rule";
    public static final String NAME_FORMAT = "routing.name-format";
    public static final String NAME_TAKEN = "routing.name-taken";
    public static final String UNKNOWN_QUEUE = "routing.unknown-queue";
    public static final String PRIORITY_RANGE = "routing.priority-range";
    public static final String EMPTY_LIST = "routing.empty-list";
    public static final String PREFIX_FORMAT = "routing.prefix-format";
    public static final String LANGUAGE_FORMAT = "routing.language-format";
    public static final String NUMBER_STATUS = "routing.number-status";
    public static final String CALLS_RANGE = "routing.calls-range";
    public static final String ABANDONED_ONLY_TRUE = "routing.abandoned-only-true";
    public static final String DAYS = "routing.days";
    public static final String TIME_PAIR = "routing.time-pair";
    public static final String TIME_EQUAL = "routing.time-equal";
    public static final String LOAD_THRESHOLD = "routing.load-threshold";
    public static final String LOAD_AT_LEAST_ONE = "routing.load-at-least-one";
    public static final String CONFLICT = "routing.conflict";
    public static final String UNREACHABLE_UNCONDITIONAL = "routing.unreachable-unconditional";
    public static final String UNREACHABLE = "routing.unreachable";
    /** A warning, not a violation: a partial overlap the order settles. */
    public static final String OVERLAP = "routing.overlap";

    private ProblemCodes() {
    }
}
