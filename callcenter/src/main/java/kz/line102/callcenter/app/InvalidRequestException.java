package kz.line102.callcenter.app;

import org.springframework.http.HttpStatus;

/** A request parameter or body the API cannot accept; the message says which and why. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }
}
