package kz.line102.callcenter.app;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String ARCHIVE_FULL = "archive-full";
    public static final String FORBIDDEN = "forbidden";
    public static final String HOLD_NOT_ACTIVE = "hold-not-active";
    public static final String INVALID_PARAMETER = "invalid-parameter";
    public static final String INVALID_REQUEST = "invalid-request";
    public static final String MALFORMED_RANGE = "malformed-range";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String MISSING_PARAMETER = "missing-parameter";
    public static final String NO_SUCH_HOLD = "no-such-hold";
    public static final String NO_SUCH_LANGUAGE = "no-such-language";
    public static final String NO_SUCH_RECORDING = "no-such-recording";
    public static final String NOT_FOUND = "not-found";
    public static final String RANGE_NOT_SATISFIABLE = "range-not-satisfiable";
    public static final String RECORDING_SOURCE_UNAVAILABLE = "recording-source-unavailable";
    public static final String REQUEST_REJECTED = "request-rejected";
    public static final String REQUEST_TOO_LARGE = "request-too-large";
    public static final String UNKNOWN_RETENTION_CLASS = "unknown-retention-class";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

    private ProblemCodes() {
    }
}
