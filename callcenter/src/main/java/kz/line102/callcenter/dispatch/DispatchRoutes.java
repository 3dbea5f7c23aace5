package kz.line102.callcenter.dispatch;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.springframework.stereotype.Component;

/**
 * Arrival control: looks for units past their deadline and alerts the duty officer.
 * The state is in {@code incident_units}, so a restart or a second node changes
 * nothing: each late sending is alerted once.
 */
@Component
public class DispatchRoutes extends RouteBuilder {

    public static final String LATE_UNITS_ROUTE_ID = "dispatch-late-units";

    private final DispatchService dispatch;
    private final DispatchProperties props;

    DispatchRoutes(DispatchService dispatch, DispatchProperties props) {
        this.dispatch = dispatch;
        this.props = props;
    }

    @Override
    public void configure() {
        from("timer:dispatch-late-units?period=" + props.lateCheckInterval().toMillis())
                .routeId(LATE_UNITS_ROUTE_ID)
                .errorHandler(lateUnitsErrorHandler())
                .process(e -> dispatch.raiseLateAlerts());
    }

    /** The next tick tries again; a failing check must be loud, not retried in a loop here. */
    private DefaultErrorHandlerDefinition lateUnitsErrorHandler() {
        return defaultErrorHandler()
                .maximumRedeliveries(0)
                .logExhausted(true)
                .retriesExhaustedLogLevel(LoggingLevel.ERROR);
    }
}
