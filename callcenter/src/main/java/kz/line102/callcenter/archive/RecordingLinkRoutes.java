package kz.line102.callcenter.archive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.incident.CardRecordings;
import kz.line102.callcenter.jobs.ErrorHandlers;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Links recordings and incident cards through their call, both ways: the recording
 * gets its card (auditors find it by card) and the card's call gets its recording (the
 * card lists it). Recordings arrive after their call ends and cards are opened while it
 * is answered, in either order, and a repeat call may move to another card later; a
 * periodic pass over recent links settles all of it, and running it twice changes
 * nothing. Each pass then re-classes the recordings by their cards ({@link RecordingClassifier}).
 */
@Component
public class RecordingLinkRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "recording-incident-link";
    private static final Logger log = LoggerFactory.getLogger(RecordingLinkRoutes.class);

    private final JdbcTemplate jdbc;
    private final ArchiveProperties props;
    private final RecordingClassifier classifier;
    private final CardRecordings cards;
    private final Counter linked;

    RecordingLinkRoutes(JdbcTemplate jdbc, ArchiveProperties props, RecordingClassifier classifier,
                        CardRecordings cards, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.classifier = classifier;
        this.props = props;
        this.linked = Counter.builder("line102.callcenter.archive.recordings.linked")
                .description("recordings linked (or moved) to the incident card of their call").register(meters);
    }

    @Override
    public void configure() {
        from("timer:recording-incident-link?delay=1000&period=" + props.linkInterval().toMillis())
                .routeId(ROUTE_ID)
                .errorHandler(ErrorHandlers.nextPass())
                .process(e -> {
                    link();
                    // The class follows the card the recording now belongs to.
                    classifier.classify();
                });
    }

    /** One pass; returns the recordings whose card changed. */
    int link() {
        long windowMs = props.linkWindow().toMillis();
        int recordings = jdbc.update("""
                update recordings r set incident_id = ic.incident_id::text
                from incident_calls ic
                where ic.linked_at > clock_timestamp() - ? * interval '1 millisecond'
                  and r.call_id = ic.call_id::text and r.deleted_at is null
                  and r.incident_id is distinct from ic.incident_id::text""", windowMs);
        cards.takeArchivedIds(props.linkWindow());
        if (recordings > 0) {
            linked.increment(recordings);
            log.info("{} recording(s) linked to the incident cards of their calls", recordings);
        }
        return recordings;
    }
}
