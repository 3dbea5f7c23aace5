package kz.line102.callcenter.incident;

/** One thing wrong with one field of a card, in words the operator can act on. */
public record FieldError(String field, String message) {
}
