package kz.line102.callcenter.settings;

import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A setting that was not saved; the code is {@code invalid-<setting's code>}. Every
 * violation is in the detail (separated by "; ") and, one by one, in {@code violations}.
 */
public class InvalidSettingException extends ProblemException {

    private final List<String> violations;

    InvalidSettingException(SettingSpec<?> spec, List<String> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-" + spec.code, "the " + spec.title + " was not saved: "
                + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("violations", violations);
    }
}
