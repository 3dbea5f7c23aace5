package kz.line102.callcenter.call;

import java.util.List;

import kz.line102.callcenter.call.stream.StreamMessage;
import org.apache.camel.LoggingLevel;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The intake flow: call events from the bridge's Redis Stream into PostgreSQL.
 * A batch that cannot be committed is retried a few times here, then left pending
 * in the stream, where the consumer offers it again: nothing is acknowledged
 * before it is stored.
 */
@Component
public class CallIntakeRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "call-intake";

    private final CallIntakeService intake;
    private final CallIntakeProperties props;

    public CallIntakeRoutes(CallIntakeService intake, CallIntakeProperties props) {
        this.intake = intake;
        this.props = props;
    }

    @Override
    public void configure() {
        from(props.endpointUri())
                .routeId(ROUTE_ID)
                .errorHandler(intakeErrorHandler())
                .process(exchange -> {
                    @SuppressWarnings("unchecked")
                    List<StreamMessage> batch = exchange.getIn().getBody(List.class);
                    intake.intake(batch);
                });
    }

    /** Retries a failed commit (the database away for a moment) before giving the batch back. */
    private DefaultErrorHandlerDefinition intakeErrorHandler() {
        return defaultErrorHandler()
                .maximumRedeliveries(3)
                .redeliveryDelay(200)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true);
    }
}
