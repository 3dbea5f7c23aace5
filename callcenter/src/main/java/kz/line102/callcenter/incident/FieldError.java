package kz.line102.callcenter.incident;

import java.util.List;

import kz.line102.callcenter.app.FieldProblem;

/**
 * One thing wrong with one field of a card: {@code code} names its text ({@code field.<code>} of the
 * message bundle, in the user's language, filled with {@code args}); {@code message} is the English
 * for the log.
 */
public record FieldError(String field, String code, List<Object> args, String message) implements FieldProblem {

    public FieldError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A fault without a bundle text yet: the English message is what the user reads. */
    public FieldError(String field, String message) {
        this(field, null, List.of(), message);
    }
}
