package kz.line102.callcenter.incident;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String CALL_ALREADY_LINKED = "call-already-linked";
    public static final String ILLEGAL_TRANSITION = "illegal-transition";
    public static final String INCIDENT_CLOSED = "incident-closed";
    public static final String INVALID_INCIDENT = "invalid-incident";
    public static final String NO_SUCH_INCIDENT = "no-such-incident";
    public static final String NO_SUCH_JOB = "no-such-job";
    public static final String NOT_DEAD = "not-dead";
    public static final String NOT_LINKABLE = "not-linkable";
    public static final String STALE_VERSION = "stale-version";
    public static final String VERSION_REQUIRED = "version-required";

    private ProblemCodes() {
    }
}
