package kz.line102.callcenter.routing;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** A change made against a version that is no longer the current one (someone saved in between). */
public class RuleSetVersionConflictException extends ProblemException {

    RuleSetVersionConflictException(int base, int current) {
        super(HttpStatus.CONFLICT, "rule-set-version-conflict",
                "the change was made to version " + base + " but the current version is " + current
                        + ": reload and apply it again");
    }
}
