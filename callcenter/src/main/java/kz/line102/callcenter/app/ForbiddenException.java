package kz.line102.callcenter.app;

import org.springframework.http.HttpStatus;

/**
 * The caller is signed in but may not see or do this; the detail never says whether
 * the thing asked for exists.
 */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN, detail);
    }

    /** A refusal with a code of its own (e.g. {@code self-grant}) a page can explain. */
    public ForbiddenException(String code, String detail) {
        super(HttpStatus.FORBIDDEN, code, detail);
    }
}
