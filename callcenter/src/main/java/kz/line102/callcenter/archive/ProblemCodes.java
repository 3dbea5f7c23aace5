package kz.line102.callcenter.archive;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String ARCHIVE_REQUEST_INVALID = "archive-request-invalid";
    public static final String ARCHIVE_REQUEST_REQUIRED = "archive-request-required";

    private ProblemCodes() {
    }
}
