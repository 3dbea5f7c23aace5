package kz.line102.callcenter.incident;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A flow that works off the durable jobs of one step in {@code incident_jobs}: the
 * change that enqueues a job wakes the {@code <flow>-wake} route right after it
 * commits; the {@code <flow>-poll} route takes whatever a wake-up missed (a full
 * queue, another node's change, a node that died holding a job until its lease ran
 * out). Jobs are claimed with SKIP LOCKED, so every node runs both routes. A job
 * whose work throws is retried with backoff from its row and parked as dead after
 * the configured attempts, for IT staff to replay.
 */
public abstract class JobFlowRoutes extends RouteBuilder {

    private static final int BATCH = 100;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final IncidentJobs jobs;
    private final String step;
    private final JobFlowSettings settings;
    private final ProducerTemplate producer;
    private final Counter failures;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    protected JobFlowRoutes(IncidentJobs jobs, String step, JobFlowSettings settings, ProducerTemplate producer,
                            Counter failures) {
        this.jobs = jobs;
        this.step = step;
        this.settings = settings;
        this.producer = producer;
        this.failures = failures;
    }

    /** The job's work; a throw counts as a failed attempt. */
    protected abstract void work(IncidentJob job);

    /**
     * Builds the two routes. {@code wholeQueue}: a wake-up drains every due job of the
     * step (a card may have several due at once); otherwise it takes only its card's job.
     */
    protected void jobRoutes(String flow, boolean wholeQueue) {
        String wakeUri = "seda:" + flow;
        // A full wake-up queue drops the wake-up, never blocks the change: the poll takes the job.
        jobs.onEnqueued(step, id -> producer.sendBody(wakeUri, id));
        from(wakeUri + "?size=10000&discardWhenFull=true&concurrentConsumers=" + settings.consumers())
                .routeId(flow + "-wake")
                .errorHandler(jobTableErrorHandler())
                .process(exchange -> {
                    if (wholeQueue) {
                        drain();
                    } else {
                        jobs.claim(step, exchange.getIn().getBody(UUID.class), settings.lease(), node)
                                .ifPresent(this::run);
                    }
                });
        from("timer:" + flow + "-poll?delay=1000&period=" + settings.pollInterval().toMillis())
                .routeId(flow + "-poll")
                .errorHandler(jobTableErrorHandler())
                .process(exchange -> drain());
    }

    private void drain() {
        List<IncidentJob> due;
        do {
            due = jobs.claimDue(step, BATCH, settings.lease(), node);
            due.forEach(this::run);
        } while (due.size() == BATCH);
    }

    private void run(IncidentJob job) {
        try {
            work(job);
        } catch (RuntimeException e) {
            failures.increment();
            boolean dead = jobs.fail(job, e.toString(), settings.maxAttempts(), settings.retryMin(),
                    settings.retryMax());
            if (dead) {
                log.error("incidentId={} {} job {} parked as dead after {} attempts", job.incidentId(), step, job.id(),
                        job.attempts(), e);
            } else {
                log.warn("incidentId={} {} job {} attempt {} failed, will retry: {}", job.incidentId(), step,
                        job.id(), job.attempts(), e.toString());
            }
        }
    }

    /**
     * Reached only when the job table itself cannot be read or written (the database
     * away): a claimed job keeps its lease and is taken again when it runs out.
     */
    private DefaultErrorHandlerDefinition jobTableErrorHandler() {
        return defaultErrorHandler()
                .maximumRedeliveries(2)
                .redeliveryDelay(100)
                .useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true);
    }
}
