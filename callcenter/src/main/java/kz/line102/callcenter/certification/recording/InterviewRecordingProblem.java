package kz.line102.callcenter.certification.recording;

import java.util.List;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** An interview recording refused or not found, with its stable code. */
class InterviewRecordingProblem extends ProblemException {

    InterviewRecordingProblem(HttpStatus status, String code, String detail, List<?> args) {
        super(status, code, detail, args);
    }
}
