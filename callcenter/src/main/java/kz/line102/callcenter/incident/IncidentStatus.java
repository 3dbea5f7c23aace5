package kz.line102.callcenter.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a card is in its life. {@code REGISTERED} is reached only through the
 * registration route (it needs a KUI number); {@code CANCELLED} is a draft the
 * operator dropped (for example after linking its call to an earlier card).
 * A card that needed no unit goes from {@code REGISTERED} straight to {@code WORKED_OFF}.
 */
public enum IncidentStatus {
    DRAFT, SUBMITTED, REGISTERED, DISPATCHED, ARRIVED, WORKED_OFF, CLOSED, CANCELLED;

    public Set<IncidentStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, CANCELLED);
            case SUBMITTED -> EnumSet.of(REGISTERED);
            case REGISTERED -> EnumSet.of(DISPATCHED, WORKED_OFF);
            case DISPATCHED -> EnumSet.of(ARRIVED, WORKED_OFF);
            case ARRIVED -> EnumSet.of(WORKED_OFF);
            case WORKED_OFF -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(IncidentStatus.class);
        };
    }

    public boolean canGoTo(IncidentStatus to) {
        return next().contains(to);
    }

    /** Still being worked on: a repeat call about it is linked, not registered again. */
    public boolean open() {
        return this != CLOSED && this != CANCELLED;
    }
}
