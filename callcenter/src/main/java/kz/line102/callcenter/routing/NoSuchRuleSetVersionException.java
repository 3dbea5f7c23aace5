package kz.line102.callcenter.routing;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** A rule set version that was never saved. */
public class NoSuchRuleSetVersionException extends ProblemException {

    NoSuchRuleSetVersionException(int version) {
        super(HttpStatus.NOT_FOUND, "no-such-rule-set-version", "no rule set version " + version);
    }
}
