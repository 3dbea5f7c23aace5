package kz.line102.callcenter.alert;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** No alert has this id. */
public class NoSuchAlertException extends ProblemException {

    public NoSuchAlertException(long id) {
        super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_ALERT, "no alert with id " + id);
    }
}
