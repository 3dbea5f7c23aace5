package kz.line102.callcenter.app;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request parameter or body the API cannot accept. The English message is for the log;
 * users read {@code problem.invalid-request} of the bundle, or the more precise {@code key}
 * (a {@code problem.invalid-request.*} text) with its args when the thrower gives one.
 */
public class InvalidRequestException extends ProblemException {

    private final String key;

    public InvalidRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        this.key = null;
    }

    public InvalidRequestException(String detail, String key, List<?> args) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", detail, args);
        this.key = key;
    }

    /**
     * A body that does not read as {@code what}: the user learns where (line, column), never
     * Jackson's words, which name Java types and go to the log only.
     */
    public static InvalidRequestException body(String what, tools.jackson.core.JacksonException e) {
        org.slf4j.LoggerFactory.getLogger(InvalidRequestException.class).info("unreadable {}: {}", what,
                e.getOriginalMessage());
        var at = e.getLocation();
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u && at != null) {
            return new InvalidRequestException("the body is not a valid " + what + ": unknown field '"
                    + u.getPropertyName() + "'", "problem.invalid-request.unknown-field",
                    List.of(u.getPropertyName(), at.getLineNr(), at.getColumnNr()));
        }
        if (at != null && at.getLineNr() > 0) {
            return new InvalidRequestException("the body is not a valid " + what + " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")", "problem.invalid-request.json-at",
                    List.of(at.getLineNr(), at.getColumnNr()));
        }
        return new InvalidRequestException("the body is not a valid " + what, "problem.invalid-request.json", List.of());
    }

    @Override
    public String key() {
        return key == null ? super.key() : key;
    }
}
