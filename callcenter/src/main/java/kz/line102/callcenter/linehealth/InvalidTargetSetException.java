package kz.line102.callcenter.linehealth;

import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A target set that was not saved (422 {@code invalid-line-health-targets}): every
 * violation as text ({@code violations}, as every versioned setting answers) and, field
 * by field, in the user's language ({@code errors}: field, code, message) for the form.
 */
class InvalidTargetSetException extends ProblemException {

    private final List<String> violations;
    private final List<TargetSetValidator.Violation> errors;

    InvalidTargetSetException(List<String> violations, List<TargetSetValidator.Violation> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-" + TargetSetService.SETTING,
                "the line-health target set was not saved: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
        this.errors = List.copyOf(errors);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("violations", violations, "errors", errors);
    }
}
