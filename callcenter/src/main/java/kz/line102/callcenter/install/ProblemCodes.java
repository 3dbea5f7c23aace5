package kz.line102.callcenter.install;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String ASTERISK_GLOBALS_UNRENDERABLE = "asterisk-globals-unrenderable";

    private ProblemCodes() {
    }
}
