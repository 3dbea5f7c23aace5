package kz.line102.callcenter.security;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** A request body over its limit: 413 {@code request-too-large}; nothing of it was acted on. */
public class RequestTooLargeException extends ProblemException {

    public RequestTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.REQUEST_TOO_LARGE,
                "the request body is larger than this endpoint takes (" + limit + " bytes)");
    }
}
