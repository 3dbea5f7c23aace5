package kz.line102.callcenter.report;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.jobs.JobRoutes;
import kz.line102.callcenter.jobs.JobStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds the daily operational report from the durable {@code report} jobs (the job
 * engine, {@link JobRoutes}): each job brings one card's line up to date
 * ({@link DailyReportFeed}). A wake-up takes every due job, not only its card's: a card
 * may have several due at once (one per change), and a restart in the middle of a job
 * resumes from its row.
 */
@Component
public class DailyReportRoutes extends JobRoutes {

    public static final String FLOW = "report-feed";
    public static final String WAKE_ROUTE = FLOW + "-wake";
    public static final String POLL_ROUTE = FLOW + "-poll";
    private static final Logger log = LoggerFactory.getLogger(DailyReportRoutes.class);

    private final DailyReportFeed feed;
    private final IncidentJobs jobs;
    private final ReportProperties props;

    public DailyReportRoutes(DailyReportFeed feed, IncidentJobs jobs, ReportProperties props, MeterRegistry meters) {
        super(meters);
        this.feed = feed;
        this.jobs = jobs;
        this.props = props;
    }

    @Override
    public void configure() {
        jobRoutes(JobStep.of(FLOW, DailyReportFeed.STEP, jobs, props.feed(), this::work));
    }

    private void work(IncidentJob job) {
        DailyReportFeed.Outcome outcome = feed.run(job);
        log.debug("incidentId={} report line {}", job.incidentId(), outcome);
    }
}
