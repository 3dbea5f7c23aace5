package kz.line102.callcenter.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Registration of submitted cards, from the durable {@code register} jobs
 * ({@link JobFlowRoutes}): the submit wakes the {@value #WAKE_ROUTE} route right after
 * it commits, so a card is registered within milliseconds, and the {@value #POLL_ROUTE}
 * route takes whatever a wake-up missed.
 */
@Component
public class IncidentRegistrationRoutes extends JobFlowRoutes {

    public static final String FLOW = "incident-register";
    public static final String WAKE_ROUTE = FLOW + "-wake";
    public static final String POLL_ROUTE = FLOW + "-poll";

    private final IncidentService incidents;

    public IncidentRegistrationRoutes(IncidentService incidents, IncidentJobs jobs, IncidentProperties props,
                                      @Lazy ProducerTemplate producer, MeterRegistry meters) {
        super(jobs, IncidentService.REGISTER_STEP, props.registration(), producer,
                Counter.builder("line102.callcenter.incidents.registration.failures")
                        .description("registration attempts that failed (retried, or parked as dead)")
                        .register(meters));
        this.incidents = incidents;
    }

    @Override
    public void configure() {
        jobRoutes(FLOW, false);
    }

    @Override
    protected void work(IncidentJob job) {
        incidents.register(job);
    }
}
