package kz.line102.callcenter.dispatch;

import kz.line102.callcenter.jobs.ErrorHandlers;
import org.apache.camel.builder.RouteBuilder;
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
                .errorHandler(ErrorHandlers.nextPass())
                .process(e -> dispatch.raiseLateAlerts());
    }
}
