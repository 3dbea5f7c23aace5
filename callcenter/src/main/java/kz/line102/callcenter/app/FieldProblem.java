package kz.line102.callcenter.app;

import java.util.List;

/**
 * One field at fault in a problem's {@code errors}: the field, a stable {@code code} whose text is
 * {@code field.<code>} of the message bundle (filled with {@code args}), and the English message for
 * the log (and for the answer while a thrower has no code yet). ProblemHandler renders the text in
 * the request's language.
 */
public interface FieldProblem {

    String field();

    String code();

    List<Object> args();

    String message();
}
