package kz.line102.callcenter.call;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** No call has this id. */
public class NoSuchCallException extends ProblemException {

    public NoSuchCallException(String id) {
        super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_CALL, "no call with id '" + id + "'");
    }
}
