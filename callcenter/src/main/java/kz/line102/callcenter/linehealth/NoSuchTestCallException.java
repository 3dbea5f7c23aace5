package kz.line102.callcenter.linehealth;

import java.util.UUID;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** No test call has this id. */
class NoSuchTestCallException extends ProblemException {

    NoSuchTestCallException(UUID id) {
        super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_TEST_CALL, "no test call with id " + id);
    }
}
