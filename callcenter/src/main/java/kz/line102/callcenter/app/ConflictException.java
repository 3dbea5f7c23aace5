package kz.line102.callcenter.app;

import org.springframework.http.HttpStatus;

/** The request is well formed but clashes with the current state; {@code code} says how. */
public class ConflictException extends ProblemException {

    public ConflictException(String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }
}
