package kz.line102.callcenter.watch;

import kz.line102.callcenter.jobs.ErrorHandlers;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The registers' deadline pass on a timer; a failed pass is logged and the next one tries again. */
@Component
class WatchRoutes extends RouteBuilder {

    static final String DEADLINE_ROUTE_ID = "watch-deadline-pass";

    private final DeadlinePass pass;
    private final WatchProperties props;
    private final WatchCalendar calendar;

    WatchRoutes(DeadlinePass pass, WatchProperties props, WatchCalendar calendar) {
        this.pass = pass;
        this.props = props;
        this.calendar = calendar;
    }

    @Override
    public void configure() {
        from("timer:" + DEADLINE_ROUTE_ID + "?delay=10000&period=" + props.deadlinePass().toMillis())
                .routeId(DEADLINE_ROUTE_ID)
                .errorHandler(ErrorHandlers.nextPass())
                .process(e -> pass.run(calendar.now()));
    }
}
