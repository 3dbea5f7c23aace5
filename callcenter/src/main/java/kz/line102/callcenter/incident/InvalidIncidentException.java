package kz.line102.callcenter.incident;

import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** The card cannot be saved or submitted as it is: {@code errors} lists every field at fault. */
public class InvalidIncidentException extends ProblemException {

    private final List<FieldError> errors;

    public InvalidIncidentException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_INCIDENT, errors.size() + " field(s) of the card are not valid: "
                + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
