package kz.line102.callcenter.stats;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String QUARTER_ALREADY_SIGNED = "quarter-already-signed";
    public static final String QUARTER_NOT_ENDED = "quarter-not-ended";

    private ProblemCodes() {
    }
}
