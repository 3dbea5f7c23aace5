package kz.line102.callcenter.settings;

import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.FieldProblem;
import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A setting that was not saved; the code is {@code invalid-<setting's code>}. Every
 * violation is in the detail (separated by "; ") and, one by one, in {@code violations}; a setting
 * validated at its fields also answers {@code errors}: field, code, args and the text in the
 * request's language.
 */
public class InvalidSettingException extends ProblemException {

    private final List<String> violations;
    private final List<FieldProblem> errors;

    InvalidSettingException(SettingSpec<?> spec, List<String> violations, List<FieldProblem> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-" + spec.code, "the " + spec.title + " was not saved: "
                + String.join("; ", violations));
        this.violations = List.copyOf(violations);
        this.errors = List.copyOf(errors);
    }

    public List<String> violations() {
        return violations;
    }

    /** Field by field, when the owner validates at fields ({@link SettingSpec#validatedAtFields}). */
    public List<FieldProblem> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> properties() {
        return errors.isEmpty() ? Map.of("violations", violations) : Map.of("violations", violations, "errors", errors);
    }
}
