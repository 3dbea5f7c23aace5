package kz.line102.callcenter.incident;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

public class NoSuchIncidentException extends ProblemException {

    public NoSuchIncidentException(Object id) {
        super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_INCIDENT, "no incident card " + id);
    }
}
