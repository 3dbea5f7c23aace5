package kz.line102.callcenter.dispatch;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** No unit has this id. */
public class NoSuchUnitException extends ProblemException {

    public NoSuchUnitException(long id) {
        super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_UNIT, "no unit with id " + id);
    }
}
