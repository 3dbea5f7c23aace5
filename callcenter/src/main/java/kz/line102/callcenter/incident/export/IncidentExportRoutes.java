package kz.line102.callcenter.incident.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.micrometer.core.instrument.Counter;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the {@code export} jobs to their registries, on the job engine ({@link JobRoutes}).
 * Each consumer of the {@value #WAKE_ROUTE} route claims one due job at a time until none
 * is left, so a backlog drains {@code consumers} at a time; a registration commit wakes it
 * once per job enqueued, and the {@value #POLL_ROUTE} route wakes every consumer each poll
 * for retries that have come due and jobs a dead node left. A slow registry thus holds
 * export consumers, never the registration.
 * <p>
 * {@value #SEND_ROUTE} routes each job by its target's kind to {@value #HTTP_ROUTE} or
 * {@value #FILE_ROUTE}, through an idempotent consumer keyed by (target, card, version)
 * over {@code incident_exports_sent}: a version a registry has taken is not sent again.
 * Failures go back to the job engine (retried with a doubling wait, parked as dead after
 * {@code max-attempts}, replayed by IT staff); a target no longer configured parks its
 * job at once.
 */
@Component
public class IncidentExportRoutes extends JobRoutes {

    public static final String FLOW = "incident-export";
    public static final String WAKE_ROUTE = FLOW + "-wake";
    public static final String POLL_ROUTE = FLOW + "-poll";
    public static final String SEND_ROUTE = "incident-export-send";
    public static final String HTTP_ROUTE = "incident-export-http";
    public static final String FILE_ROUTE = "incident-export-file";
    /** Same for every delivery of one card version, so a registry can drop a repeat. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String INCIDENT_HEADER = "Line102-Incident-Id";
    private static final String SEND_URI = "direct:incident-export-send";
    private static final String HTTP_URI = "direct:incident-export-http";
    private static final String FILE_URI = "direct:incident-export-file";
    private static final String JOB = "exportJob";
    private static final String TARGET = "exportTarget";
    private static final String KIND = "exportKind";
    private static final String KEY = "exportKey";
    private static final String URI = "exportUri";
    private static final String FILE = "exportFile";
    private static final Logger log = LoggerFactory.getLogger(IncidentExportRoutes.class);

    private final IncidentJobs jobs;
    private final ExportProperties props;
    private final JdbcSentExports sent;
    private final JsonMapper json;
    private final MeterRegistry meters;

    IncidentExportRoutes(IncidentJobs jobs, ExportProperties props, JdbcSentExports sent, JsonMapper json,
                         MeterRegistry meters) {
        super(meters);
        this.jobs = jobs;
        this.props = props;
        this.sent = sent;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void configure() {
        if (props.targets().stream().noneMatch(ExportProperties.Target::enabled)) {
            // No export job is ever enqueued here; taking other nodes' jobs would only
            // park them as "target not configured".
            log.info("no export targets enabled (line102.callcenter.incidents.export.targets); "
                    + "cards are not sent to external registries from this node");
            return;
        }
        // One job per claim: a backlog spreads over the consumers, a slow registry holds one each.
        jobRoutes(JobStep.of(FLOW, ExportEnqueuer.STEP, jobs, props, through(SEND_URI)).batch(1));

        // Every failure goes back to the job engine, which owns the job.
        from(SEND_URI)
                .routeId(SEND_ROUTE)
                .errorHandler(ErrorHandlers.toTheJob())
                .process(this::prepare)
                .idempotentConsumer(exchangeProperty(KEY), sent).eager(false)
                    .choice()
                        .when(exchangeProperty(KIND).isEqualTo("http"))
                            .to(HTTP_URI)
                        .otherwise()
                            .to(FILE_URI)
                    .end()
                .end()
                .process(this::completed);

        from(HTTP_URI)
                .routeId(HTTP_ROUTE)
                .errorHandler(ErrorHandlers.toTheJob())
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant(EidoDocuments.MEDIA_TYPE))
                .toD("${exchangeProperty." + URI + "}");

        from(FILE_URI)
                .routeId(FILE_ROUTE)
                .errorHandler(ErrorHandlers.toTheJob())
                .process(this::writeAtomically);
    }

    private void prepare(Exchange e) {
        IncidentJob job = e.getIn().getBody(IncidentJob.class);
        e.setProperty(JOB, job);
        JsonNode payload = json.readTree(job.payload());
        String name = payload.path("target").asString();
        int version = payload.path("version").asInt();
        ExportProperties.Target target = props.target(name);
        if (target == null) {
            throw new NoSuchTargetException(name);
        }
        e.setProperty(TARGET, name);
        e.setProperty(KIND, target.kind());
        e.setProperty(KEY, JdbcSentExports.key(name, job.incidentId(), version));
        e.setProperty(URI, target.uri() == null ? null : props.endpoint(target));
        if (target.directory() != null) {
            e.setProperty(FILE, target.directory().resolve(job.incidentId() + "-v" + version + ".eido.json"));
        }
        e.getIn().removeHeaders("*");
        e.getIn().setHeader(IDEMPOTENCY_HEADER, job.incidentId() + ":v" + version);
        e.getIn().setHeader(INCIDENT_HEADER, job.incidentId().toString());
        e.getIn().setBody(json.writeValueAsString(payload.path("eido")));
    }

    /** Writes a hidden temporary file and renames it into place: a reader sees the whole document or none. */
    private void writeAtomically(Exchange e) throws IOException {
        Path file = e.getProperty(FILE, Path.class);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".part");
        Files.writeString(temp, e.getIn().getBody(String.class), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void completed(Exchange e) {
        IncidentJob job = e.getProperty(JOB, IncidentJob.class);
        boolean duplicate = Boolean.TRUE.equals(e.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class));
        String target = e.getProperty(TARGET, String.class);
        Counter.builder("line102.callcenter.incidents.export.delivered").tag("target", target)
                .tag("outcome", duplicate ? "already-sent" : "sent")
                .description("export jobs completed").register(meters).increment();
        if (duplicate) {
            log.info("incidentId={} export {} was already delivered; not sent again", job.incidentId(), job.target());
        } else {
            log.info("incidentId={} exported to {} (attempt {})", job.incidentId(), job.target(), job.attempts());
        }
    }

    /** A job for a target no longer configured (or disabled): nothing can send it until it is back. */
    static final class NoSuchTargetException extends JobCannotRunException {
        NoSuchTargetException(String name) {
            super("export target '" + name + "' is not configured or not enabled");
        }
    }
}
