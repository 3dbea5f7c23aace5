package kz.line102.callcenter.security;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** No user has this name. */
public class NoSuchUserException extends ProblemException {

    public NoSuchUserException(String username) {
        super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_USER, "no user named '" + username + "'");
    }
}
