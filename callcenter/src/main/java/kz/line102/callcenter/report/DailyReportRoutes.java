package kz.line102.callcenter.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.incident.IncidentJob;
import kz.line102.callcenter.incident.IncidentJobs;
import kz.line102.callcenter.incident.JobFlowRoutes;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Feeds the daily operational report from the durable {@code report} jobs
 * ({@link JobFlowRoutes}): each job brings one card's line up to date
 * ({@link DailyReportFeed}). A wake-up takes every due job, not only its card's: a card
 * may have several due at once (one per change), and a restart in the middle of a job
 * resumes from its row.
 */
@Component
public class DailyReportRoutes extends JobFlowRoutes {

    public static final String FLOW = "report-feed";
    public static final String WAKE_ROUTE = FLOW + "-wake";
    public static final String POLL_ROUTE = FLOW + "-poll";
    private static final Logger log = LoggerFactory.getLogger(DailyReportRoutes.class);

    private final DailyReportFeed feed;

    public DailyReportRoutes(DailyReportFeed feed, IncidentJobs jobs, ReportProperties props,
                             @Lazy ProducerTemplate producer, MeterRegistry meters) {
        super(jobs, DailyReportFeed.STEP, props.feed(), producer,
                Counter.builder("line102.callcenter.reports.feed.failures")
                        .description("report feed attempts that failed (retried, or parked as dead)").register(meters));
        this.feed = feed;
    }

    @Override
    public void configure() {
        jobRoutes(FLOW, true);
    }

    @Override
    protected void work(IncidentJob job) {
        DailyReportFeed.Outcome outcome = feed.run(job);
        log.debug("incidentId={} report line {}", job.incidentId(), outcome);
    }
}
