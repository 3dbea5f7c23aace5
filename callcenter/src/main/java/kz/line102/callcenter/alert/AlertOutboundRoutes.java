package kz.line102.callcenter.alert;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.jobs.ErrorHandlers;
import kz.line102.callcenter.jobs.JobRoutes;
import kz.line102.callcenter.jobs.JobStep;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers every alert to the configured outbound endpoint, on the job engine
 * ({@link JobRoutes}) over the alert's own row ({@link AlertOutboundStore}): a new alert
 * is sent at once, a failed one again after a growing wait, one that keeps failing is
 * parked as dead for IT staff, and a node that stops mid-delivery leaves it to the next
 * poll of any node. The receiver gets the alert id in a header to recognise a repeat.
 */
@Component
public class AlertOutboundRoutes extends JobRoutes {

    public static final String FLOW = "alert-outbound";
    public static final String STEP = "alert-outbound";
    public static final String WAKE_ROUTE_ID = FLOW + "-wake";
    public static final String POLL_ROUTE_ID = FLOW + "-poll";
    public static final String DELIVER_ROUTE_ID = "alert-outbound-deliver";
    public static final String ALERT_ID_HEADER = "Line102-Alert-Id";

    private static final Logger log = LoggerFactory.getLogger(AlertOutboundRoutes.class);
    private static final String DELIVER = "direct:alert-outbound-deliver";
    private static final int BATCH = 50;

    private final AlertOutboundStore store;
    private final AlertService service;
    private final AlertProperties.Outbound props;
    private final JsonMapper json;

    AlertOutboundRoutes(AlertOutboundStore store, AlertService service, AlertProperties props, JsonMapper json,
                        MeterRegistry meters) {
        super(meters);
        this.store = store;
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
        jobRoutes(JobStep.of(FLOW, STEP, store, props, through(DELIVER)).batch(BATCH)
                // The screens show the delivery's state: tell them it gave up.
                .onDead(alert -> service.publish(AlertMessage.of("delivery", service.get(alert.id())))));

        // A dropped connection is retried at once; what still fails is a failed attempt of the job.
        from(DELIVER).routeId(DELIVER_ROUTE_ID)
                .errorHandler(ErrorHandlers.transportRetries())
                .process(this::prepare)
                .to(props.uri());
    }

    private void prepare(Exchange e) {
        Alert alert = e.getIn().getBody(Alert.class);
        e.getIn().setHeader(ALERT_ID_HEADER, alert.id());
        e.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        e.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        e.getIn().setHeader(Exchange.FILE_NAME, "alert-" + alert.id() + ".json");
        e.getIn().setBody(json.writeValueAsString(alert));
    }
}
