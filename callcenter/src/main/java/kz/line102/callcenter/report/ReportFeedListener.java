package kz.line102.callcenter.report;

import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentTransition;
import kz.line102.callcenter.incident.IncidentTransitionListener;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.springframework.stereotype.Component;

/**
 * Queues a {@code report} job with every status change of a registered card (its
 * registration included), in the change's own transaction: the line is written when the
 * change has committed, and a change that rolls back leaves no job. One job per change
 * (target {@code transition-<id>}), so a job still running never hides a later change.
 */
@Component
class ReportFeedListener implements IncidentTransitionListener {

    private final IncidentJobs jobs;

    ReportFeedListener(IncidentJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void transitioned(Incident after, IncidentTransition transition) {
        if (after.kuiNumber() != null) {
            jobs.enqueue(after.id(), DailyReportFeed.STEP, "transition-" + transition.id(), null);
        }
    }
}
