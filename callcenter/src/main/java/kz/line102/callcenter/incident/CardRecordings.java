package kz.line102.callcenter.incident;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recording a card lists for each of its calls. Recordings arrive after their call
 * ends and are archived later still; until then a card may hold the PBX's file name, and
 * the archive's id replaces it once it exists, as that is what auditors open. The archive
 * asks for this on each of its link passes; the card's table stays this module's.
 */
@Component
public class CardRecordings {

    private final JdbcTemplate jdbc;

    CardRecordings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Points the calls linked within {@code window} at their archived recording; returns the calls changed. */
    public int takeArchivedIds(Duration window) {
        return jdbc.update("""
                update incident_calls ic set recording_id = a.id
                from (select distinct on (r.call_id) r.call_id, r.id::text as id
                      from incident_calls c join recordings r on r.call_id = c.call_id::text
                      where c.linked_at > clock_timestamp() - ? * interval '1 millisecond' and r.deleted_at is null
                      order by r.call_id, r.call_at, r.id) a
                where a.call_id = ic.call_id::text and ic.recording_id is distinct from a.id""", window.toMillis());
    }
}
