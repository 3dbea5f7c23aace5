package kz.line102.callcenter.jobs;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel side of the job engine: a feature's {@code *Routes} extends this and calls
 * {@link #jobRoutes} for each of its steps. Two routes per step: the enqueue wakes
 * {@code <flow>-wake} right after it commits, so a job runs within milliseconds; the
 * {@code <flow>-poll} route wakes every consumer each poll interval for whatever a
 * wake-up missed (a full queue, another node's enqueue, a retry come due, a dead node's
 * job whose lease ran out). Claims use SKIP LOCKED, so every node runs both routes.
 */
public abstract class JobRoutes extends RouteBuilder {

    /** The claimant written into each job this node takes. */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
    private static final Logger log = LoggerFactory.getLogger(JobRoutes.class);

    private final MeterRegistry meters;
    private ProducerTemplate producer;

    protected JobRoutes(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Builds the wake and poll routes of {@code step}; returns its runner. */
    protected <J> JobRunner<J> jobRoutes(JobStep<J> step) {
        JobRunner<J> runner = new JobRunner<>(step, meters, NODE);
        String wakeUri = "seda:" + step.flow();
        int consumers = step.settings().consumers();
        step.store().onEnqueued(step.step(), key -> wake(wakeUri, key == null ? "" : key));
        // A full wake-up queue drops the wake-up, never blocks the enqueue: the poll takes the job.
        from(wakeUri + "?size=10000&discardWhenFull=true&concurrentConsumers=" + consumers)
                .routeId(step.flow() + "-wake")
                .errorHandler(ErrorHandlers.briefRetries())
                .process(e -> runner.wake(e.getIn().getBody() instanceof UUID key ? key : null));
        from("timer:" + step.flow() + "-poll?delay=1000&period=" + step.settings().pollInterval().toMillis())
                .routeId(step.flow() + "-poll")
                .errorHandler(ErrorHandlers.briefRetries())
                .process(e -> {
                    for (int i = 0; i < consumers; i++) {
                        wake(wakeUri, "");
                    }
                });
        return runner;
    }

    /**
     * A handler that sends the job to a route of the feature ({@code direct:…}, built with
     * {@link ErrorHandlers#toTheJob()}) and fails the attempt with whatever that route threw.
     */
    protected <J> JobHandler<J> through(String uri) {
        return job -> {
            Exchange done = producer().send(uri, e -> e.getIn().setBody(job));
            if (done.getException() != null) {
                throw done.getException();
            }
        };
    }

    private void wake(String uri, Object body) {
        try {
            producer().sendBody(uri, body);
        } catch (RuntimeException e) {
            // The job is stored; the next poll takes it.
            log.debug("wake-up of {} not taken ({})", uri, e.toString());
        }
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = getContext().createProducerTemplate();
        }
        return producer;
    }
}
