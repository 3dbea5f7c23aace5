package kz.line102.callcenter.call;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.cti.CallEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The intake's outbox: for each newly committed event, one job per {@link CallHandoff}
 * that wants it, written in the intake's transaction into {@code incident_jobs} (step
 * {@value #STEP}, keyed by call; target {@code <hand-off>:<event id>}; the event line as
 * payload) through the job engine ({@link IncidentJobs#enqueueForCalls}). A replayed event
 * adds nothing. After the commit the drain is woken; its poll takes whatever a wake-up
 * missed, including jobs of a node that died. Built on the
 * intake pool ({@code CallConfiguration}): the jobs must be written on the intake
 * transaction's own connection, or they would not commit or roll back with the events.
 */
public class CallOutbox {

    public static final String STEP = "call-handoff";

    private final JdbcTemplate jdbc;
    private final IncidentJobs jobs;
    private final List<CallHandoff> handoffs;

    public CallOutbox(JdbcTemplate jdbc, IncidentJobs jobs, List<CallHandoff> handoffs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.handoffs = List.copyOf(handoffs);
    }

    public List<CallHandoff> handoffs() {
        return handoffs;
    }

    /** The hand-off a job's target names, or null for a name no bean has (any more). */
    public CallHandoff handoff(String target) {
        int colon = target.indexOf(':');
        String name = colon < 0 ? target : target.substring(0, colon);
        return handoffs.stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }

    /** One job row to write: the event and its line as stored. */
    public record Entry(CallEvent event, String line) {
    }

    /** Must run inside the intake transaction. */
    void add(List<Entry> committed) {
        List<IncidentJobs.CallJob> rows = new ArrayList<>();
        for (Entry e : committed) {
            for (CallHandoff h : handoffs) {
                if (h.wants(e.event())) {
                    rows.add(new IncidentJobs.CallJob(UUID.fromString(e.event().callId().value()),
                            h.name() + ":" + e.event().eventId().value(), e.line()));
                }
            }
        }
        jobs.enqueueForCalls(jdbc, STEP, rows);
    }
}
