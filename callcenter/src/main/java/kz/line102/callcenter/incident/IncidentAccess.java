package kz.line102.callcenter.incident;

import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.security.CallAccess;
import kz.line102.callcenter.security.NeedToKnowException;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Need to know for incident cards (the rule is written out in the security package):
 * an operator reads the cards they opened and the cards of calls they answered; the
 * duty officer the cards of the watch and every card still open; auditors and IT
 * staff read any card (the URL table keeps them from changing one). Drafts from a
 * call only for the operator the call reached, never for a call another desk answered.
 */
@Component
public class IncidentAccess {

    private static final Logger log = LoggerFactory.getLogger(IncidentAccess.class);

    private final CallAccess calls;
    private final Watches watches;

    IncidentAccess(CallAccess calls, Watches watches) {
        this.calls = calls;
        this.watches = watches;
    }

    public void checkRead(Viewer who, Incident card) {
        if (!mayRead(who, card)) {
            log.info("incidentId={} operatorId={} card refused: not theirs to know", card.id(), who.username());
            throw new NeedToKnowException("this card is not of one of your calls");
        }
    }

    boolean mayRead(Viewer who, Incident card) {
        if (who.is(Role.AUDITOR) || who.is(Role.ADMIN)) {
            return true;
        }
        if (who.is(Role.SUPERVISOR) && (card.status().open() || !card.createdAt().isBefore(
                watches.current().start()))) {
            return true;
        }
        if (who.is(Role.OPERATOR) || who.is(Role.SUPERVISOR)) {
            if (who.username().equals(card.createdBy())) {
                return true;
            }
            List<UUID> ids = card.calls().stream().map(c -> UUID.fromString(c.callId())).toList();
            return calls.answeredBy(who.username(), ids);
        }
        return false;
    }

    /**
     * Whether {@code by} may open (or be handed) the draft of {@code callId}. Flows act
     * for the system; a supervisor for any call of the watch; an operator for a call
     * that rang or was answered at their desk in this watch and that no other desk answered.
     */
    void checkOpen(Actor by, UUID callId) {
        if (by.username().startsWith("system:")) {
            return;
        }
        boolean allowed = by.supervisor() ? calls.inWatch(callId) || calls.handledInWatch(by.username(), callId)
                : calls.handledInWatch(by.username(), callId) && !calls.answeredElsewhere(by.username(), callId);
        if (!allowed) {
            log.info("callId={} operatorId={} draft refused: the call is not theirs", callId, by.username());
            throw new NeedToKnowException("call " + callId + " did not reach your desk (or another operator answered"
                    + " it): its card is not yours to open");
        }
    }
}
