package kz.line102.callcenter.incident;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.jobs.JobRoutes;
import kz.line102.callcenter.jobs.JobStep;
import org.springframework.stereotype.Component;

/** The durable {@value UntouchedDrafts#STEP} jobs on the job engine ({@link JobRoutes}). */
@Component
class UntouchedDraftRoutes extends JobRoutes {

    static final String FLOW = "incident-untouched";

    private final UntouchedDrafts drafts;
    private final IncidentService incidents;
    private final IncidentJobs jobs;

    UntouchedDraftRoutes(UntouchedDrafts drafts, IncidentService incidents, IncidentJobs jobs, MeterRegistry meters) {
        super(meters);
        this.drafts = drafts;
        this.incidents = incidents;
        this.jobs = jobs;
    }

    @Override
    public void configure() {
        jobRoutes(JobStep.of(FLOW, UntouchedDrafts.STEP, jobs, drafts.settings(), job -> drafts.handle(job, incidents)));
    }
}
