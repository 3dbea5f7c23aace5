package kz.line102.callcenter.incident.alerting;

import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.incident.IncidentTransition;
import kz.line102.callcenter.incident.IncidentTransitionListener;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Gives every card an {@code alert} job in the transaction that registers it. Every
 * card, not only the serious ones: the decision belongs to the route, which reads the
 * type as configured when it runs, and a card registered is never left undecided.
 */
@Component
@EnableConfigurationProperties(IncidentAlertingProperties.class)
class IncidentAlertEnqueuer implements IncidentTransitionListener {

    static final String STEP = "alert";

    private final IncidentJobs jobs;

    IncidentAlertEnqueuer(IncidentJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void transitioned(Incident after, IncidentTransition transition) {
        if (transition.to() == IncidentStatus.REGISTERED) {
            jobs.enqueue(after.id(), STEP, "", null);
        }
    }
}
