package kz.line102.callcenter.report;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String INVALID_DATE = "invalid-date";
    public static final String REPORT_ALREADY_SIGNED = "report-already-signed";
    public static final String REPORT_SIGNED = "report-signed";
    public static final String WATCH_NOT_ENDED = "watch-not-ended";

    private ProblemCodes() {
    }
}
