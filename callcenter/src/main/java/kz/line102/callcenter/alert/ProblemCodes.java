package kz.line102.callcenter.alert;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String ALREADY_ACKNOWLEDGED = "already-acknowledged";
    public static final String NO_SUCH_ALERT = "no-such-alert";
    public static final String NOT_DEAD = "not-dead";

    private ProblemCodes() {
    }
}
