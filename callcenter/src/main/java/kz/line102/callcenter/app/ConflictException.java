package kz.line102.callcenter.app;

import org.springframework.http.HttpStatus;

/** The request is well formed but clashes with the current state; {@code code} says how. */
public class ConflictException extends ProblemException {

    public ConflictException(String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }

    /** {@code args} fill the placeholders of {@code problem.<code>} in the message bundle. */
    public ConflictException(String code, String detail, java.util.List<?> args) {
        super(HttpStatus.CONFLICT, code, detail, args);
    }
}
