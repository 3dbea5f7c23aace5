package kz.line102.callcenter.app;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request parameter or body the API cannot accept. The English message is for the log;
 * users read {@code problem.invalid-request} of the bundle, or the more precise {@code key}
 * (a {@code problem.invalid-request.*} text) with its args when the thrower gives one.
 */
public class InvalidRequestException extends ProblemException {

    private final String key;

    public InvalidRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        this.key = null;
    }

    public InvalidRequestException(String detail, String key, List<?> args) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", detail, args);
        this.key = key;
    }

    @Override
    public String key() {
        return key == null ? super.key() : key;
    }
}
