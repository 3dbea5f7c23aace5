package kz.line102.callcenter.dispatch;

import java.util.EnumSet;
import java.util.Set;

import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.incident.IncidentTransition;
import kz.line102.callcenter.incident.IncidentTransitionListener;
import org.springframework.stereotype.Component;

/** A card that is worked off, closed or cancelled lets its units go: they show as available on the sheet. */
@Component
class UnitsFollowCard implements IncidentTransitionListener {

    private static final Set<IncidentStatus> DONE = EnumSet.of(IncidentStatus.WORKED_OFF, IncidentStatus.CLOSED,
            IncidentStatus.CANCELLED);

    private final DispatchService dispatch;

    UnitsFollowCard(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public void transitioned(Incident after, IncidentTransition transition) {
        if (DONE.contains(transition.to())) {
            dispatch.releaseAll(after, transition.by());
        }
    }
}
