package kz.line102.callcenter.incident;

/**
 * A change about to be made to a card.
 *
 * @param to  the status after a {@code TRANSITION}; the current status otherwise
 * @param by  the user (or {@code system:<flow>}) making it
 */
public record IncidentChange(Kind kind, IncidentStatus to, String by) {

    public enum Kind { EDIT, TRANSITION, LINK_CALL }
}
