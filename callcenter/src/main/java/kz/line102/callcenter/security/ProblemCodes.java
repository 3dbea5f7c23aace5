package kz.line102.callcenter.security;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String FORBIDDEN = "forbidden";
    public static final String FOUR_EYES = "four-eyes";
    public static final String FOUR_EYES_REQUIRED = "four-eyes-required";
    public static final String LAST_ADMIN = "last-admin";
    public static final String NEED_TO_KNOW = "need-to-know";
    public static final String NO_SUCH_ROLE_GRANT = "no-such-role-grant";
    public static final String NO_SUCH_USER = "no-such-user";
    public static final String REQUEST_TOO_LARGE = "request-too-large";
    public static final String ROLE_GRANT_DECIDED = "role-grant-decided";
    public static final String ROLE_GRANT_OPEN = "role-grant-open";
    public static final String ROLE_HELD = "role-held";
    public static final String SELF_GRANT = "self-grant";
    public static final String SIGN_IN_BUSY = "sign-in-busy";
    public static final String SIGN_IN_LOCKED = "sign-in-locked";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String USER_EXISTS = "user-exists";

    private ProblemCodes() {
    }
}
