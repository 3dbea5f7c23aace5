package kz.line102.callcenter.security;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** No user has this name. */
public class NoSuchUserException extends ProblemException {

    public NoSuchUserException(String username) {
        super(HttpStatus.NOT_FOUND, "no-such-user", "no user named '" + username + "'");
    }
}
