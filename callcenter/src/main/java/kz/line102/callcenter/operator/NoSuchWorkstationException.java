package kz.line102.callcenter.operator;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** No workstation has this name or extension. */
public class NoSuchWorkstationException extends ProblemException {

    public NoSuchWorkstationException(String what) {
        super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_WORKSTATION, "no workstation " + what,
                java.util.List.of(what.replaceAll("^'|'$", "")));
    }
}
