package kz.line102.callcenter.linehealth;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String LINE_HEALTH_DISABLED = "line-health-disabled";
    public static final String NO_SUCH_LINE_HEALTH_TARGET = "no-such-line-health-target";
    public static final String NO_SUCH_TEST_CALL = "no-such-test-call";
    public static final String STALE_LINE_HEALTH_TARGET = "stale-line-health-target";
    public static final String TEST_CALL_NOT_CONFIGURED = "test-call-not-configured";
    public static final String TEST_CALL_RUNNING = "test-call-running";

    private ProblemCodes() {
    }
}
