package kz.line102.callcenter.incident.deadletter;

import kz.line102.callcenter.incident.ProblemCodes;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** 404 {@code no-such-job}. */
class NoSuchJobException extends ProblemException {

    NoSuchJobException(long jobId) {
        super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_JOB, "no incident job " + jobId);
    }
}
