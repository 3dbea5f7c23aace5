package kz.line102.callcenter.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives each recording the retention class of what it recorded: the class the category of
 * its call's incident card maps to ({@code retention_class_by_category}: criminal offence
 * 5 years, administrative offence 3 years, other 1 year), and the default class while it
 * has no card. A card that changes category re-classes its recordings, both ways. Only
 * classes this mapping hands out are changed: a class IT staff set by hand (a
 * certification interview) stays.
 *
 * <p>Each pass looks at cards changed or linked within the link window (cheap, on an
 * index); the first pass after start-up and one a day look at every linked recording, so
 * a change the short passes missed (a node down for longer than the window) is settled
 * before any purge can act on it. Also clears the orphan mark of a recording whose call
 * record has turned up (rebuilt from the PBX's logs), filling in its caller and operator,
 * and names the person who answered: the user signed in at the answering extension when
 * the call was answered ({@code operator_sessions}), beside the extension.
 */
@Component
class RecordingClassifier {

    private static final Logger log = LoggerFactory.getLogger(RecordingClassifier.class);
    private static final Duration FULL_PASS_EVERY = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final ArchiveProperties props;
    private final RecorderSettings recorder;
    private final Clock clock;
    private final Counter reclassed;
    private final Counter adopted;
    private Instant lastFullPass;

    RecordingClassifier(JdbcTemplate jdbc, ArchiveProperties props, RecorderSettings recorder, Clock clock,
                        MeterRegistry meters) {
        this.jdbc = jdbc;
        this.props = props;
        this.recorder = recorder;
        this.clock = clock;
        this.reclassed = Counter.builder("line102.callcenter.archive.recordings.reclassed")
                .description("recordings whose retention class changed with their incident card").register(meters);
        this.adopted = Counter.builder("line102.callcenter.archive.orphans.matched")
                .description("orphan recordings whose call record turned up later").register(meters);
    }

    /** One pass; returns how many recordings changed class. */
    synchronized int classify() {
        Instant now = clock.instant();
        boolean full = lastFullPass == null || !now.isBefore(lastFullPass.plus(FULL_PASS_EVERY));
        String defaultClass = recorder.retention().defaultClass();
        String scope = full ? "" : """
                  and (i.updated_at > clock_timestamp() - ? * interval '1 millisecond'
                       or ic.linked_at > clock_timestamp() - ? * interval '1 millisecond')""";
        String sql = """
                update recordings r set retention_class = coalesce(m.retention_class, ?)
                from incident_calls ic
                join incidents i on i.id = ic.incident_id
                left join retention_class_by_category m on m.category = i.category
                where r.incident_id = i.id::text and r.call_id = ic.call_id::text and r.deleted_at is null
                  and r.retention_class is distinct from coalesce(m.retention_class, ?)
                  and (r.retention_class = ? or r.retention_class in (select retention_class
                                                                      from retention_class_by_category))
                """ + scope;
        long windowMs = props.linkWindow().toMillis();
        int changed = full ? jdbc.update(sql, defaultClass, defaultClass, defaultClass)
                : jdbc.update(sql, defaultClass, defaultClass, defaultClass, windowMs, windowMs);
        if (full) {
            lastFullPass = now;
        }
        if (changed > 0) {
            reclassed.increment(changed);
            log.info("{} recording(s) took the retention class of their incident card's category{}", changed,
                    full ? " (full pass)" : "");
        }
        int matched = jdbc.update("""
                update recordings r set orphan = false, caller_number = coalesce(r.caller_number, c.caller_number),
                    operator = coalesce(r.operator, c.operator)
                from calls c
                where r.orphan and r.deleted_at is null and c.id::text = r.call_id""");
        if (matched > 0) {
            adopted.increment(matched);
            log.info("{} orphan recording(s) matched to call records that turned up", matched);
        }
        attributeOperators(windowMs);
        return changed;
    }

    /** Recordings of the link window whose operator's extension had a signed-in user at the answer. */
    private void attributeOperators(long windowMs) {
        int named = jdbc.update("""
                update recordings r set operator_user = u.username
                from calls c, operator_sessions s, users u
                where r.operator_user is null and r.operator is not null and r.deleted_at is null
                  and r.call_at > clock_timestamp() - ? * interval '1 millisecond'
                  and c.id::text = r.call_id and s.extension = r.operator and u.id = s.user_id
                  and s.started_at <= coalesce(c.answered_at, r.call_at)
                  and (s.ended_at is null or s.ended_at > coalesce(c.answered_at, r.call_at))""", windowMs);
        if (named > 0) {
            log.info("{} recording(s) given the operator signed in at their extension", named);
        }
    }
}
