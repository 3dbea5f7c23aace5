package kz.line102.callcenter.incident;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Registration of submitted cards, from the durable {@code register} jobs. The submit
 * wakes the {@value #WAKE_ROUTE} route right after it commits, so a card is registered
 * within milliseconds; the {@value #POLL_ROUTE} route takes whatever a wake-up missed
 * (a full queue, another node's submit, a node that died holding a job until its lease
 * ran out). Jobs are claimed with SKIP LOCKED, so any number of nodes run both routes.
 */
@Component
public class IncidentRegistrationRoutes extends RouteBuilder {

    public static final String WAKE_ROUTE = "incident-register-wake";
    public static final String POLL_ROUTE = "incident-register-poll";
    static final String WAKE_URI = "seda:incident-register";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(IncidentRegistrationRoutes.class);

    private final IncidentService incidents;
    private final IncidentJobs jobs;
    private final IncidentProperties.Registration props;
    private final ProducerTemplate producer;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final Counter failures;

    public IncidentRegistrationRoutes(IncidentService incidents, IncidentJobs jobs, IncidentProperties props,
                                      @Lazy ProducerTemplate producer, MeterRegistry meters) {
        this.incidents = incidents;
        this.jobs = jobs;
        this.props = props.registration();
        this.producer = producer;
        this.failures = Counter.builder("line102.callcenter.incidents.registration.failures")
                .description("registration attempts that failed (retried, or parked as dead)").register(meters);
    }

    @Override
    public void configure() {
        // A full wake-up queue drops the wake-up, never blocks a submit: the poll takes the job.
        jobs.onEnqueued(IncidentService.REGISTER_STEP, id -> producer.sendBody(WAKE_URI, id));
        from(WAKE_URI + "?size=10000&discardWhenFull=true&concurrentConsumers=" + props.consumers())
                .routeId(WAKE_ROUTE)
                .errorHandler(registrationErrorHandler())
                .process(exchange -> jobs.claim(IncidentService.REGISTER_STEP, exchange.getIn().getBody(UUID.class),
                        props.lease(), node).ifPresent(this::run));
        from("timer:incident-register-poll?delay=1000&period=" + props.pollInterval().toMillis())
                .routeId(POLL_ROUTE)
                .errorHandler(registrationErrorHandler())
                .process(exchange -> drain());
    }

    private void drain() {
        List<IncidentJob> due;
        do {
            due = jobs.claimDue(IncidentService.REGISTER_STEP, BATCH, props.lease(), node);
            due.forEach(this::run);
        } while (due.size() == BATCH);
    }

    private void run(IncidentJob job) {
        try {
            incidents.register(job);
        } catch (RuntimeException e) {
            failures.increment();
            boolean dead = jobs.fail(job, e.toString(), props.maxAttempts(), props.retryMin(), props.retryMax());
            if (dead) {
                log.error("incidentId={} registration parked as dead after {} attempts", job.incidentId(),
                        job.attempts(), e);
            } else {
                log.warn("incidentId={} registration attempt {} failed, will retry: {}", job.incidentId(),
                        job.attempts(), e.toString());
            }
        }
    }

    /**
     * Reached only when the job table itself cannot be read or written (the database
     * away): the claimed job keeps its lease and is taken again when it runs out.
     */
    private DefaultErrorHandlerDefinition registrationErrorHandler() {
        return defaultErrorHandler()
                .maximumRedeliveries(2)
                .redeliveryDelay(100)
                .useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true);
    }
}
