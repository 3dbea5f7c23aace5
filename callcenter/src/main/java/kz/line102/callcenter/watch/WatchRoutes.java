package kz.line102.callcenter.watch;

import kz.line102.callcenter.jobs.ErrorHandlers;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The registers' deadline pass and the retention purge on timers; a failed pass is logged and
 * the next one tries again. The purge's first pass waits a whole period after start: it has no
 * hurry, and a node (or a test run) that starts does not purge at once.
 */
@Component
class WatchRoutes extends RouteBuilder {

    static final String DEADLINE_ROUTE_ID = "watch-deadline-pass";
    static final String PURGE_ROUTE_ID = "watch-retention-purge";

    private final DeadlinePass pass;
    private final RetentionSweeper sweeper;
    private final WatchProperties props;
    private final WatchCalendar calendar;

    WatchRoutes(DeadlinePass pass, RetentionSweeper sweeper, WatchProperties props, WatchCalendar calendar) {
        this.pass = pass;
        this.sweeper = sweeper;
        this.props = props;
        this.calendar = calendar;
    }

    @Override
    public void configure() {
        from("timer:" + DEADLINE_ROUTE_ID + "?delay=10000&period=" + props.deadlinePass().toMillis())
                .routeId(DEADLINE_ROUTE_ID)
                .errorHandler(ErrorHandlers.nextPass())
                .process(e -> pass.run(calendar.now()));
        long purge = props.retentionPass().toMillis();
        from("timer:" + PURGE_ROUTE_ID + "?delay=" + purge + "&period=" + purge)
                .routeId(PURGE_ROUTE_ID)
                .errorHandler(ErrorHandlers.nextPass())
                .process(e -> sweeper.run(calendar.now()));
    }
}
