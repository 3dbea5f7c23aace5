package kz.line102.callcenter.incident;

import java.util.UUID;

import kz.line102.callcenter.call.CallHandoff;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallEvent;
import org.springframework.stereotype.Component;

/**
 * Opens a draft card for the operator who answered a call (the call record names who was
 * signed in at the answering phone at the answer; nobody, no draft), through the intake's outbox:
 * the hand-off is stored with the answer, so a node that dies right after the commit
 * still opens the draft. Opening is idempotent per call (the console's
 * {@code POST /api/v1/incidents {"callId": ...}} is the same operation), so a retried
 * hand-off opens nothing twice.
 */
@Component
class IncidentDraftOpener implements CallHandoff {

    private final IncidentService incidents;

    IncidentDraftOpener(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "draft-card";
    }

    @Override
    public boolean wants(CallEvent event) {
        return event instanceof CallAnswered answered && answered.operator() != null;
    }

    @Override
    public void handOff(CallEvent event, CallRecord call) {
        incidents.openForAnsweredCall(UUID.fromString(event.callId().value()));
    }
}
