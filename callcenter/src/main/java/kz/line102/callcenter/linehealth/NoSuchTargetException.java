package kz.line102.callcenter.linehealth;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** No line-health target has this id (or it was deleted). */
class NoSuchTargetException extends ProblemException {

    NoSuchTargetException(long id) {
        super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_LINE_HEALTH_TARGET, "no line-health target with id " + id);
    }
}
