package kz.line102.callcenter.certification;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * {@code 400}: a service history that cannot be: {@code impossible-dates} (an end before
 * its start), {@code overlapping-posts} (two posts held on one day), {@code no-service}.
 */
public class InvalidHistoryException extends ProblemException {

    public InvalidHistoryException(String code, String detail) {
        super(HttpStatus.BAD_REQUEST, code, detail);
    }
}
