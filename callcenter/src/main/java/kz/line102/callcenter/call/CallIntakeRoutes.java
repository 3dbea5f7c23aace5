package kz.line102.callcenter.call;

import java.util.List;
import java.util.Set;

import kz.line102.callcenter.call.stream.RedisStreamEndpoint;
import kz.line102.callcenter.jobs.ErrorHandlers;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The intake flow: call events from the bridge's Redis Stream into PostgreSQL.
 * A batch that cannot be stored because the database is away is retried twice here,
 * then left pending in the stream, where the consumer offers it again after a capped
 * back-off: nothing is acknowledged before it is stored. Entries the intake did not
 * store for a reason of their own stay pending alone while the rest is acknowledged.
 */
@Component
public class CallIntakeRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "call-intake";

    private final CallIntakeService intake;
    private final CallIntakeProperties props;
    private final String stream;

    public CallIntakeRoutes(CallIntakeService intake, CallIntakeProperties props,
                            @Value(CallIntakeProperties.STREAM_KEY) String stream) {
        this.intake = intake;
        this.props = props;
        this.stream = stream;
    }

    @Override
    public void configure() {
        from(props.endpointUri(stream))
                .routeId(ROUTE_ID)
                .errorHandler(ErrorHandlers.briefRetries())
                .process(processor(intake));
    }

    /** Commits the batch and names the entries that must stay pending (also for routes built in tests). */
    public static Processor processor(CallIntakeService intake) {
        return exchange -> {
            @SuppressWarnings("unchecked")
            List<StreamMessage> batch = exchange.getIn().getBody(List.class);
            Set<String> keep = intake.intake(batch);
            if (!keep.isEmpty()) {
                exchange.getMessage().setHeader(RedisStreamEndpoint.KEEP_PENDING, keep);
            }
        };
    }
}
