package kz.line102.callcenter.certification;

import kz.line102.callcenter.jobs.ErrorHandlers;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The daily due pass (due dates, then overdue deadlines) on a timer; a failed pass is logged and the next one tries again. */
@Component
class CertificationRoutes extends RouteBuilder {

    static final String PASS_ROUTE_ID = "certification-due-pass";

    private final DueReminders reminders;
    private final CalendarService calendar;
    private final CertificationProperties props;

    CertificationRoutes(DueReminders reminders, CalendarService calendar, CertificationProperties props) {
        this.reminders = reminders;
        this.calendar = calendar;
        this.props = props;
    }

    @Override
    public void configure() {
        from("timer:certification-due-pass?delay=60000&period=" + props.passInterval().toMillis())
                .routeId(PASS_ROUTE_ID)
                .errorHandler(ErrorHandlers.nextPass())
                .process(e -> reminders.run())
                .process(e -> calendar.flagOverdue());
    }
}
