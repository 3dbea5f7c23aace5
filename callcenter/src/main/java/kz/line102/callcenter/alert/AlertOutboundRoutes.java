package kz.line102.callcenter.alert;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers every alert to the configured outbound endpoint. The state of each
 * delivery lives in the alert's row, not in Camel: a new alert is sent at once, a
 * failed one again after a growing wait, one that keeps failing is parked as dead for
 * IT staff, and a node that stops mid-delivery leaves it to the next poll of any node.
 * The receiver gets the alert id in a header to recognise a repeat.
 */
@Component
public class AlertOutboundRoutes extends RouteBuilder {

    public static final String POLL_ROUTE_ID = "alert-outbound-poll";
    public static final String NUDGE_ROUTE_ID = "alert-outbound-nudge";
    public static final String CLAIM_ROUTE_ID = "alert-outbound-claim";
    public static final String DELIVER_ROUTE_ID = "alert-outbound-deliver";
    public static final String ALERT_ID_HEADER = "Line102-Alert-Id";

    private static final Logger log = LoggerFactory.getLogger(AlertOutboundRoutes.class);
    private static final String NUDGE = "seda:alert-outbound-nudge?size=2&discardWhenFull=true";
    private static final String CLAIM = "direct:alert-outbound-claim";
    private static final String DELIVER = "direct:alert-outbound-deliver";
    private static final String ALERT = "line102.alert";
    private static final int BATCH = 50;
    // A couple of quick tries ride out a dropped connection; longer outages are the
    // row's business (see failed()), so nothing waits here holding a thread.
    private static final int QUICK_RETRIES = 2;
    private static final long QUICK_RETRY_DELAY_MS = 200;

    private final JdbcAlertRepository alerts;
    private final AlertService service;
    private final AlertProperties.Outbound props;
    private final JsonMapper json;

    AlertOutboundRoutes(JdbcAlertRepository alerts, AlertService service, AlertProperties props, JsonMapper json) {
        this.alerts = alerts;
        this.service = service;
        this.props = props.outbound();
        this.json = json;
    }

    @Override
    public void configure() {
        if (!props.configured()) {
            log.info("no outbound alert endpoint configured (line102.callcenter.alerts.outbound.uri); "
                    + "alerts go to supervisors' screens only");
            return;
        }
        ProducerTemplate nudges = getContext().createProducerTemplate();
        service.onNewOutbound(() -> {
            try {
                nudges.sendBody(NUDGE, "");
            } catch (RuntimeException e) {
                log.debug("outbound nudge not taken ({}); the poll sends it", e.toString());
            }
        });

        from("timer:alert-outbound?period=" + props.pollInterval().toMillis()).routeId(POLL_ROUTE_ID).to(CLAIM);
        from(NUDGE).routeId(NUDGE_ROUTE_ID).to(CLAIM);

        from(CLAIM).routeId(CLAIM_ROUTE_ID)
                .process(e -> e.getIn().setBody(alerts.claimDue(BATCH, props.lease())))
                .split(body())
                .to(DELIVER);

        from(DELIVER).routeId(DELIVER_ROUTE_ID)
                .errorHandler(alertDeliveryErrorHandler())
                .onException(Exception.class)
                    .maximumRedeliveries(QUICK_RETRIES)
                    .redeliveryDelay(QUICK_RETRY_DELAY_MS)
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                    .handled(true)
                    .process(this::failed)
                .end()
                .process(this::prepare)
                .to(props.uri())
                .process(e -> alerts.delivered(e.getProperty(ALERT, Alert.class).id()));
    }

    /**
     * For what escapes the route's own handling (its failure bookkeeping itself
     * failing, the database away): logged, and the lease hands the delivery to the
     * next poll.
     */
    private DefaultErrorHandlerDefinition alertDeliveryErrorHandler() {
        return defaultErrorHandler()
                .maximumRedeliveries(0)
                .logExhausted(true);
    }

    private void prepare(Exchange e) {
        Alert alert = e.getIn().getBody(Alert.class);
        e.setProperty(ALERT, alert);
        e.getIn().setHeader(ALERT_ID_HEADER, alert.id());
        e.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        e.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        e.getIn().setHeader(Exchange.FILE_NAME, "alert-" + alert.id() + ".json");
        e.getIn().setBody(json.writeValueAsString(alert));
    }

    private void failed(Exchange e) {
        Alert alert = e.getProperty(ALERT, Alert.class);
        Throwable cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String error = cause == null ? "unknown failure" : cause.toString();
        if (alert == null) {
            log.error("outbound alert delivery failed before the alert was read: {}", error);
            return;
        }
        Duration retryIn = backoff(alert.outboundAttempts());
        alerts.failed(alert.id(), error, props.maxAttempts(), retryIn).ifPresent(after -> {
            if ("dead".equals(after.outboundStatus())) {
                log.error("alertId={} outbound delivery gave up after {} attempts: {}; IT staff can send it again",
                        after.id(), after.outboundAttempts(), error);
                service.publish(AlertMessage.of("delivery", after));
            } else {
                log.warn("alertId={} outbound delivery attempt {} failed: {}; next in {}", after.id(),
                        after.outboundAttempts(), error, retryIn);
            }
        });
    }

    Duration backoff(int failuresSoFar) {
        Duration wait = props.initialBackoff();
        for (int i = 0; i < failuresSoFar && wait.compareTo(props.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(props.maxBackoff()) > 0 ? props.maxBackoff() : wait;
    }

    static List<String> routeIds() {
        return List.of(POLL_ROUTE_ID, NUDGE_ROUTE_ID, CLAIM_ROUTE_ID, DELIVER_ROUTE_ID);
    }
}
