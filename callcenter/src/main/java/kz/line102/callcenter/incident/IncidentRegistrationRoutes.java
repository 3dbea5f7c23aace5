package kz.line102.callcenter.incident;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.jobs.JobRoutes;
import kz.line102.callcenter.jobs.JobStep;
import org.springframework.stereotype.Component;

/**
 * Registration of submitted cards, from the durable {@code register} jobs (the job
 * engine, {@link JobRoutes}): the submit wakes the {@value #WAKE_ROUTE} route right after
 * it commits, so a card is registered within milliseconds, and the {@value #POLL_ROUTE}
 * route takes whatever a wake-up missed.
 */
@Component
public class IncidentRegistrationRoutes extends JobRoutes {

    public static final String FLOW = "incident-register";
    public static final String WAKE_ROUTE = FLOW + "-wake";
    public static final String POLL_ROUTE = FLOW + "-poll";

    private final IncidentService incidents;
    private final IncidentJobs jobs;
    private final IncidentProperties props;

    public IncidentRegistrationRoutes(IncidentService incidents, IncidentJobs jobs, IncidentProperties props,
                                      MeterRegistry meters) {
        super(meters);
        this.incidents = incidents;
        this.jobs = jobs;
        this.props = props;
    }

    @Override
    public void configure() {
        // A wake-up takes only its own card's job: a submit never waits behind other cards.
        jobRoutes(JobStep.of(FLOW, IncidentService.REGISTER_STEP, jobs, props.registration(), incidents::register)
                .byKey());
    }
}
