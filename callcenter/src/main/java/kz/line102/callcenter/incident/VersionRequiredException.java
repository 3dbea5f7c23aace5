package kz.line102.callcenter.incident;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** A change sent without the version it was made on: it could silently overwrite someone else's. */
public class VersionRequiredException extends ProblemException {

    public VersionRequiredException() {
        super(HttpStatus.PRECONDITION_REQUIRED, ProblemCodes.VERSION_REQUIRED,
                "send the card's version (If-Match: \"<version>\" or a 'version' field) with a change");
    }
}
