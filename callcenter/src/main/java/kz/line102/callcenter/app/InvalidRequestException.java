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
    private final List<FieldProblem> errors;

    public InvalidRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST, detail);
        this.key = null;
        this.errors = List.of();
    }

    private InvalidRequestException(String detail, String key, List<?> args, FieldProblem error) {
        super(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST, detail, args);
        this.key = key;
        this.errors = List.of(error);
    }

    public InvalidRequestException(String detail, String key, List<?> args) {
        super(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST, detail, args);
        this.key = key;
        this.errors = List.of();
    }

    /**
     * A body that does not read as {@code what}: the user learns where (line, column), never
     * Jackson's words, which name Java types and go to the log only.
     */
    public static InvalidRequestException body(String what, tools.jackson.core.JacksonException e) {
        org.slf4j.LoggerFactory.getLogger(InvalidRequestException.class).info("unreadable {}: {}", what,
                e.getOriginalMessage());
        var at = e.getLocation();
        // A value that does not read as what its field takes (a time "25:99", null for a number): named
        // by its field. A body of the wrong shape (an array for a text) is told by where it went wrong.
        if ((e instanceof tools.jackson.databind.exc.InvalidFormatException
                || e instanceof tools.jackson.databind.exc.InvalidNullException)
                && e instanceof tools.jackson.databind.exc.MismatchedInputException m) {
            String field = path(m.getPath());
            if (!field.isEmpty()) {
                String kind = kind(m.getTargetType());
                return new InvalidRequestException("the body is not a valid " + what + ": field '" + field
                        + "' has a value of the wrong kind", "problem.invalid-request.field-" + kind, List.of(field),
                        new BadValue(field, "wrong-" + kind, List.of(field),
                                "field '" + field + "' has a value of the wrong kind"));
            }
        }
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

    /** A field whose value is of the wrong kind (a time that is no time), named as the body names it. */
    record BadValue(String field, String code, List<Object> args, String message) implements FieldProblem {
    }

    /** {@code rules[0].from}: the body's own names and positions, never a Java type. */
    private static String path(List<tools.jackson.core.JacksonException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (var r : references) {
            if (r.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** What the field takes, in words the bundle has: a time, a date, a number, yes/no, or a value. */
    private static String kind(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.time.LocalTime.class) {
            return "time";
        }
        if (type == java.time.LocalDate.class) {
            return "date";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "instant";
        }
        if (type == int.class || type == long.class || type == short.class || type == double.class
                || Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        return "value";
    }

    @Override
    public java.util.Map<String, Object> properties() {
        return errors.isEmpty() ? java.util.Map.of() : java.util.Map.of("errors", errors);
    }

    @Override
    public String key() {
        return key == null ? super.key() : key;
    }
}
