package kz.line102.callcenter.certification;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A certification request refused, with its stable code: {@code 400} for what can never be
 * (an unknown stage or decision), {@code 404 no-such-*}, {@code 409} for what the case's
 * state does not allow yet ({@code stage-out-of-order}, {@code no-quorum}, {@code
 * not-admitted}, {@code decision-not-allowed}).
 */
class CertificationProblem extends ProblemException {

    CertificationProblem(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }

    CertificationProblem(HttpStatus status, String code, String detail, java.util.List<?> args) {
        super(status, code, detail, args);
    }

    static CertificationProblem invalid(String code, String detail) {
        return new CertificationProblem(HttpStatus.BAD_REQUEST, code, detail);
    }

    static CertificationProblem conflict(String code, String detail) {
        return new CertificationProblem(HttpStatus.CONFLICT, code, detail);
    }

    static CertificationProblem forbidden(String code, String detail) {
        return new CertificationProblem(HttpStatus.FORBIDDEN, code, detail);
    }

    /** A user whose account is linked to no employee: there is no file of theirs to show. */
    static CertificationProblem notFoundFile(String username) {
        return new CertificationProblem(HttpStatus.NOT_FOUND, ProblemCodes.NO_OWN_FILE, username
                + " is linked to no employee's certification file");
    }

    static CertificationProblem notFound(String what, long id) {
        return new CertificationProblem(HttpStatus.NOT_FOUND, "no-such-" + what, "no " + what + " " + id);
    }
}
