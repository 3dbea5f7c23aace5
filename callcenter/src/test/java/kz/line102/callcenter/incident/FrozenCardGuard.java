package kz.line102.callcenter.incident;

import kz.line102.callcenter.app.ConflictException;
import org.springframework.stereotype.Component;

/**
 * A guard as the daily report will install one: it refuses every change to a card
 * whose notes carry {@link #MARK} (standing in for "its watch was signed off").
 */
@Component
class FrozenCardGuard implements IncidentEditGuard {

    static final String MARK = "[frozen-by-test]";

    @Override
    public void beforeChange(Incident current, IncidentChange change) {
        if (current.operatorNotes() != null && current.operatorNotes().contains(MARK)) {
            throw new ConflictException("watch-signed-off", "the report of this card's watch is signed off; "
                    + change.kind() + " by " + change.by() + " refused");
        }
    }
}
