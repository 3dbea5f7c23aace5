package kz.line102.callcenter.watch;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.jobs.ErrorHandlers;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.jobs.JobCannotRunException;
import kz.line102.callcenter.jobs.JobRoutes;
import kz.line102.callcenter.jobs.JobStep;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends signed reports of serious events to the higher instance on the job engine, like the
 * card export: one job per report ({@code serious-report} jobs of the card), claimed with
 * SKIP LOCKED and a lease, retried with back-off, parked as dead for IT staff to replay on
 * /admin/dead-letters. {@value #SEND_ROUTE} passes an idempotent consumer over
 * {@code watch_serious_report_deliveries}, so a report the instance has taken is never sent
 * again; every attempt carries the same {@code Idempotency-Key}, so the instance can drop a
 * repeat that a node sent before dying without recording it.
 */
@Component
class SeriousReportRoutes extends JobRoutes {

    static final String FLOW = "watch-serious-report";
    static final String SEND_ROUTE = FLOW + "-send";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    static final String MEDIA_TYPE = "application/json";
    private static final String SEND_URI = "direct:" + SEND_ROUTE;
    private static final String JOB = "seriousReportJob";
    private static final String KEY = "seriousReportKey";
    private static final Logger log = LoggerFactory.getLogger(SeriousReportRoutes.class);

    private final IncidentJobs jobs;
    private final SeriousReportProperties props;
    private final SeriousReportService reports;
    private final SeriousReportPdf pdf;
    private final DeliveredReports delivered;
    private final JsonMapper json;

    SeriousReportRoutes(IncidentJobs jobs, SeriousReportProperties props, SeriousReportService reports,
                        SeriousReportPdf pdf, DeliveredReports delivered, JsonMapper json, MeterRegistry meters) {
        super(meters);
        this.jobs = jobs;
        this.props = props;
        this.reports = reports;
        this.pdf = pdf;
        this.delivered = delivered;
        this.json = json;
    }

    @Override
    public void configure() {
        if (!props.sends()) {
            // Jobs wait in the table for a node that has the endpoint.
            log.info("no higher instance configured (line102.callcenter.watch.serious-reports.uri): "
                    + "signed reports of serious events are not sent from this node");
            return;
        }
        jobRoutes(JobStep.of(FLOW, SeriousReportService.STEP, jobs, props, through(SEND_URI)).batch(1));

        from(SEND_URI)
                .routeId(SEND_ROUTE)
                .errorHandler(ErrorHandlers.toTheJob())
                .process(this::prepare)
                .idempotentConsumer(exchangeProperty(KEY), delivered).eager(false)
                    .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                    .setHeader(Exchange.CONTENT_TYPE, constant(MEDIA_TYPE))
                    .toD(props.endpoint())
                .end()
                .process(this::completed);
    }

    private void prepare(Exchange e) {
        IncidentJob job = e.getIn().getBody(IncidentJob.class);
        e.setProperty(JOB, job);
        long id = json.readTree(job.payload()).path("report").asLong();
        SeriousReportService.Report r = reports.report(id);
        if (r.signature() == null) {
            throw new JobCannotRunException("serious-event report " + id + " is not signed");
        }
        ObjectNode body = json.createObjectNode();
        body.put("reportId", r.id());
        body.put("kuiNumber", r.kuiNumber());
        body.put("incidentId", r.incidentId().toString());
        body.put("version", r.current().version());
        body.put("eventType", r.current().eventType());
        body.put("occurredAt", r.current().occurredAt() == null ? null : r.current().occurredAt().toString());
        body.put("place", r.current().place());
        body.put("whatHappened", r.current().whatHappened());
        body.put("units", r.current().units());
        body.put("measures", r.current().measures());
        body.put("draftedBy", r.draftedBy());
        body.put("signedBy", r.signature().signedBy());
        body.put("signedAt", r.signature().signedAt().toString());
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        pdf.write(r, WatchTexts.of("ru"), document);
        body.put("pdf", Base64.getEncoder().encodeToString(document.toByteArray()));
        String key = SeriousReportService.idempotencyKey(id);
        e.setProperty(KEY, key);
        e.getIn().removeHeaders("*");
        e.getIn().setHeader(IDEMPOTENCY_HEADER, key);
        e.getIn().setBody(json.writeValueAsString(body));
    }

    private void completed(Exchange e) {
        IncidentJob job = e.getProperty(JOB, IncidentJob.class);
        boolean duplicate = Boolean.TRUE.equals(e.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class));
        log.info("incidentId={} serious-event report {} {} (attempt {})", job.incidentId(), job.target(),
                duplicate ? "was delivered already; not sent again" : "delivered to the higher instance",
                job.attempts());
    }
}
