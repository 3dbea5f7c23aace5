package kz.line102.callcenter.routing;

import java.util.List;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** A rule set that was not saved: the detail lists every violation, separated by "; ". */
public class InvalidRuleSetException extends ProblemException {

    private final List<String> violations;

    InvalidRuleSetException(List<String> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-rule-set", String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
