package kz.line102.callcenter.caller;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String IMPORT_BUSY = "import-busy";
    public static final String INVALID_CSV_HEADER = "invalid-csv-header";
    public static final String UNSUPPORTED_ENCODING = "unsupported-encoding";
    public static final String UPLOAD_TOO_LARGE = "upload-too-large";

    private ProblemCodes() {
    }
}
