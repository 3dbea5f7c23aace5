package kz.line102.callcenter.call;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String NO_SUCH_CALL = "no-such-call";

    private ProblemCodes() {
    }
}
