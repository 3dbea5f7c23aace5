package kz.line102.callcenter.shell;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String FORBIDDEN = "forbidden";
    public static final String INVALID_REQUEST = "invalid-request";
    public static final String LANGUAGE_NOT_SAVED = "language-not-saved";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String NOT_FOUND = "not-found";
    public static final String REQUEST_TOO_LARGE = "request-too-large";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String UNSUPPORTED_LANGUAGE = "unsupported-language";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

    private ProblemCodes() {
    }
}
