package kz.line102.callcenter.incident.alerting;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.alert.Alert;
import kz.line102.callcenter.alert.AlertRequest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.alert.Severity;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentJob;
import kz.line102.callcenter.incident.IncidentJobs;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentType;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Content-based routing of registered cards: the {@value #DECIDE_ROUTE} route reads the
 * card of each {@code alert} job and, by its type's seriousness, either raises an
 * immediate alert to the duty officer or lets the card pass. The alert's dedup key is
 * the card, so a job run twice (a retry after the alert was stored, a node that died
 * before completing the job, a replay) still shows the duty officer one alert.
 * Jobs come as in {@link kz.line102.callcenter.incident.IncidentRegistrationRoutes}: a
 * wake-up right after the registration commits, and a poll for what it missed.
 */
@Component
public class IncidentAlertRoutes extends RouteBuilder {

    public static final String WAKE_ROUTE = "incident-alert-wake";
    public static final String POLL_ROUTE = "incident-alert-poll";
    public static final String DECIDE_ROUTE = "incident-alert-decide";
    static final String WAKE_URI = "seda:incident-alert";
    static final String DECIDE_URI = "direct:incident-alert-decide";
    private static final String JOB = "line102.job";
    private static final String CARD = "line102.incident";
    private static final String TYPE = "line102.type";
    private static final String ALERTING = "line102.alerting";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(IncidentAlertRoutes.class);

    private final IncidentService incidents;
    private final IncidentJobs jobs;
    private final AlertService alerts;
    private final IncidentAlertingProperties props;
    private final ProducerTemplate producer;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final Counter passed;
    private final Counter failures;

    IncidentAlertRoutes(IncidentService incidents, IncidentJobs jobs, AlertService alerts,
                        IncidentAlertingProperties props, @Lazy ProducerTemplate producer, MeterRegistry meters) {
        this.incidents = incidents;
        this.jobs = jobs;
        this.alerts = alerts;
        this.props = props;
        this.producer = producer;
        this.passed = Counter.builder("line102.callcenter.incidents.alerting.passed")
                .description("registered cards whose type raises no alert").register(meters);
        this.failures = Counter.builder("line102.callcenter.incidents.alerting.failures")
                .description("alert decisions that failed (retried, or parked as dead)").register(meters);
    }

    @Override
    public void configure() {
        jobs.onEnqueued(IncidentAlertEnqueuer.STEP, id -> producer.sendBody(WAKE_URI, id));

        from(WAKE_URI + "?size=10000&discardWhenFull=true&concurrentConsumers=" + props.consumers())
                .routeId(WAKE_ROUTE)
                .errorHandler(alertingErrorHandler())
                .process(e -> e.getIn().setBody(jobs.claim(IncidentAlertEnqueuer.STEP,
                        e.getIn().getBody(UUID.class), props.lease(), node).orElse(null)))
                .filter(body().isNotNull())
                .to(DECIDE_URI);

        from("timer:incident-alert-poll?delay=1000&period=" + props.pollInterval().toMillis())
                .routeId(POLL_ROUTE)
                .errorHandler(alertingErrorHandler())
                .process(e -> e.getIn().setBody(jobs.claimDue(IncidentAlertEnqueuer.STEP, BATCH, props.lease(), node)))
                .split(body())
                .to(DECIDE_URI);

        from(DECIDE_URI)
                .routeId(DECIDE_ROUTE)
                .errorHandler(alertingErrorHandler())
                .onException(Exception.class)
                    .handled(true)
                    .process(this::failed)
                .end()
                .process(this::read)
                .choice()
                    .when(exchangeProperty(ALERTING).isEqualTo(true))
                        .process(this::raise)
                    .otherwise()
                        .process(this::pass)
                .end()
                .process(e -> jobs.complete(e.getProperty(JOB, IncidentJob.class).id()));
    }

    private void read(Exchange e) {
        IncidentJob job = e.getIn().getBody(IncidentJob.class);
        e.setProperty(JOB, job);
        Incident card = incidents.get(job.incidentId());
        Optional<IncidentType> type = card.typeCode() == null ? Optional.empty() : incidents.type(card.typeCode());
        if (type.isEmpty()) {
            // A type taken off the list since the card was filled in: not knowing how
            // serious it is is no reason to keep quiet about it.
            log.warn("incidentId={} type '{}' is not configured; alerting the duty officer to be safe", card.id(),
                    card.typeCode());
        }
        e.setProperty(CARD, card);
        e.setProperty(TYPE, type.orElse(null));
        e.setProperty(ALERTING, type.map(IncidentType::alerting).orElse(true));
    }

    private void pass(Exchange e) {
        passed.increment();
        log.debug("incidentId={} type {} raises no alert", e.getProperty(JOB, IncidentJob.class).incidentId(),
                e.getProperty(CARD, Incident.class).typeCode());
    }

    private void raise(Exchange e) {
        Incident card = e.getProperty(CARD, Incident.class);
        IncidentType type = e.getProperty(TYPE, IncidentType.class);
        String seriousness = type == null ? "unknown-type" : type.seriousness();
        String typeName = type == null ? card.typeCode() : type.names().getOrDefault("ru", type.code());
        String where = card.sceneAddress() != null && !card.sceneAddress().isBlank() ? card.sceneAddress()
                : "место не установлено";
        String title = typeName + " — " + where + " · " + card.kuiNumber() + " · приоритет " + card.priority();
        if (title.length() > 500) {
            title = title.substring(0, 499) + "…";
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        put(detail, "kuiNumber", card.kuiNumber());
        put(detail, "typeCode", card.typeCode());
        put(detail, "typeName", typeName);
        put(detail, "category", card.category() == null ? null : card.category().name());
        put(detail, "seriousness", seriousness);
        put(detail, "priority", card.priority());
        put(detail, "sceneAddress", card.sceneAddress());
        put(detail, "sceneLat", card.sceneLat());
        put(detail, "sceneLon", card.sceneLon());
        put(detail, "sceneUnknown", card.sceneUnknown());
        put(detail, "registeredAt", card.registeredAt() == null ? null : card.registeredAt().toString());
        Alert alert = alerts.raise(new AlertRequest(dedupKey(card.id()), "incident-" + seriousness,
                severity(seriousness, card.priority()), title, detail, card.id(), "system:alerting"));
        log.info("incidentId={} alertId={} duty officer alerted ({})", card.id(), alert.id(), seriousness);
    }

    /** One alert per card, whatever runs the job again. */
    static String dedupKey(UUID incidentId) {
        return "incident-registered:" + incidentId;
    }

    /** Serious offences warn; the rest, and anything with a threat to life now, is critical. */
    static Severity severity(String seriousness, Integer priority) {
        if ("serious".equals(seriousness) && (priority == null || priority > 1)) {
            return Severity.WARNING;
        }
        return Severity.CRITICAL;
    }

    private static void put(Map<String, Object> detail, String key, Object value) {
        if (value != null) {
            detail.put(key, value);
        }
    }

    private void failed(Exchange e) {
        IncidentJob job = e.getProperty(JOB, IncidentJob.class);
        Throwable cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String error = cause == null ? "unknown failure" : cause.toString();
        failures.increment();
        if (job == null) {
            log.error("alert decision failed before its job was read: {}", error);
            return;
        }
        boolean dead = jobs.fail(job, error, props.maxAttempts(), props.retryMin(), props.retryMax());
        if (dead) {
            log.error("incidentId={} alert job parked as dead after {} attempts: {}", job.incidentId(),
                    job.attempts(), error, cause);
        } else {
            log.warn("incidentId={} alert attempt {} failed, will retry: {}", job.incidentId(), job.attempts(), error);
        }
    }

    /**
     * Reached only when the job table itself cannot be read or written (the database
     * away): the claimed job keeps its lease and is taken again when it runs out.
     */
    private DefaultErrorHandlerDefinition alertingErrorHandler() {
        return defaultErrorHandler()
                .maximumRedeliveries(2)
                .redeliveryDelay(100)
                .useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true);
    }
}
