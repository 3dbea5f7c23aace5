package kz.line102.callcenter.report;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** {@code 400 invalid-date}: the date names no watch that has begun. */
class InvalidReportDateException extends ProblemException {

    InvalidReportDateException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-date", detail);
    }
}
