package kz.line102.callcenter.report;

import java.lang.management.ManagementFactory;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.incident.IncidentJob;
import kz.line102.callcenter.incident.IncidentJobs;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Feeds the daily operational report from the durable {@code report} jobs: each job
 * brings one card's line up to date ({@link DailyReportFeed}). A card's change wakes the
 * {@value #WAKE_ROUTE} route right after it commits; the {@value #POLL_ROUTE} route takes
 * what a wake-up missed, jobs of other nodes and jobs of a node that died (after their
 * lease), so a restart in the middle of a job resumes from its row. Jobs are claimed with
 * SKIP LOCKED, so every node runs both routes.
 */
@Component
public class DailyReportRoutes extends RouteBuilder {

    public static final String WAKE_ROUTE = "report-feed-wake";
    public static final String POLL_ROUTE = "report-feed-poll";
    static final String WAKE_URI = "seda:report-feed";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(DailyReportRoutes.class);

    private final DailyReportFeed feed;
    private final IncidentJobs jobs;
    private final ReportProperties.Feed props;
    private final ProducerTemplate producer;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final Counter failures;

    public DailyReportRoutes(DailyReportFeed feed, IncidentJobs jobs, ReportProperties props,
                             @Lazy ProducerTemplate producer, MeterRegistry meters) {
        this.feed = feed;
        this.jobs = jobs;
        this.props = props.feed();
        this.producer = producer;
        this.failures = Counter.builder("line102.callcenter.reports.feed.failures")
                .description("report feed attempts that failed (retried, or parked as dead)").register(meters);
    }

    @Override
    public void configure() {
        // A full wake-up queue drops the wake-up, never blocks a card's change: the poll takes the job.
        // A wake-up takes every due job, not only its card's: a card may have several due at
        // once (one per change), and IncidentJobs.claim takes all of a card's jobs for one run.
        jobs.onEnqueued(DailyReportFeed.STEP, id -> producer.sendBody(WAKE_URI, id));
        from(WAKE_URI + "?size=10000&discardWhenFull=true&concurrentConsumers=" + props.consumers())
                .routeId(WAKE_ROUTE)
                .errorHandler(reportFeedErrorHandler())
                .process(exchange -> drain());
        from("timer:report-feed-poll?delay=1000&period=" + props.pollInterval().toMillis())
                .routeId(POLL_ROUTE)
                .errorHandler(reportFeedErrorHandler())
                .process(exchange -> drain());
    }

    private void drain() {
        List<IncidentJob> due;
        do {
            due = jobs.claimDue(DailyReportFeed.STEP, BATCH, props.lease(), node);
            due.forEach(this::run);
        } while (due.size() == BATCH);
    }

    private void run(IncidentJob job) {
        try {
            DailyReportFeed.Outcome outcome = feed.run(job);
            log.debug("incidentId={} report line {}", job.incidentId(), outcome);
        } catch (RuntimeException e) {
            failures.increment();
            boolean dead = jobs.fail(job, e.toString(), props.maxAttempts(), props.retryMin(), props.retryMax());
            if (dead) {
                log.error("incidentId={} report feed job {} parked as dead after {} attempts", job.incidentId(),
                        job.id(), job.attempts(), e);
            } else {
                log.warn("incidentId={} report feed job {} attempt {} failed, will retry: {}", job.incidentId(),
                        job.id(), job.attempts(), e.toString());
            }
        }
    }

    /**
     * Reached only when the job table itself cannot be read or written (the database
     * away): a claimed job keeps its lease and is taken again when it runs out.
     */
    private DefaultErrorHandlerDefinition reportFeedErrorHandler() {
        return defaultErrorHandler()
                .maximumRedeliveries(2)
                .redeliveryDelay(100)
                .useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true);
    }
}
