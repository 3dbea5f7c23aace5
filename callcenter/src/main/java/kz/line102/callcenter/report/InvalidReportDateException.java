package kz.line102.callcenter.report;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** {@code 400 invalid-date}: the date names no watch that has begun. */
class InvalidReportDateException extends ProblemException {

    private final String key;

    /** {@code key}: the user's text ({@code problem.invalid-date.*} of the bundle), filled with {@code args}. */
    InvalidReportDateException(String detail, String key, java.util.List<?> args) {
        super(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_DATE, detail, args);
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
