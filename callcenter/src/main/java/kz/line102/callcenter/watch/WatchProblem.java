package kz.line102.callcenter.watch;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** The watch module's refusals, each with one stable code. */
class WatchProblem extends ProblemException {

    private WatchProblem(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }

    static WatchProblem invalid(String detail) {
        return new WatchProblem(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST, detail);
    }

    static WatchProblem notFound(String code, String detail) {
        return new WatchProblem(HttpStatus.NOT_FOUND, code, detail);
    }

    /** A 400 with a code of its own, for a refusal the page explains apart from other bad input. */
    static WatchProblem invalidCode(String code, String detail) {
        return new WatchProblem(HttpStatus.BAD_REQUEST, code, detail);
    }

    static WatchProblem forbidden(String code, String detail) {
        return new WatchProblem(HttpStatus.FORBIDDEN, code, detail);
    }

    static WatchProblem tooLarge(String code, String detail) {
        return new WatchProblem(HttpStatus.CONTENT_TOO_LARGE, code, detail);
    }

    static WatchProblem conflict(String code, String detail) {
        return new WatchProblem(HttpStatus.CONFLICT, code, detail);
    }
}
