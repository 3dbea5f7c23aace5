package kz.line102.callcenter.call;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.line102.cti.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The intake's outbox: for each newly committed event, one job per {@link CallHandoff}
 * that wants it, written in the intake's transaction into {@code incident_jobs} (step
 * {@value #STEP}, keyed by call; target {@code <hand-off>:<event id>}; the event line as
 * payload). A replayed event adds nothing. After the commit the drain is woken; its poll
 * takes whatever a wake-up missed, including jobs of a node that died. Built on the
 * intake pool ({@code CallConfiguration}): the jobs must be written on the intake
 * transaction's own connection, or they would not commit or roll back with the events.
 */
public class CallOutbox {

    public static final String STEP = "call-handoff";
    private static final Logger log = LoggerFactory.getLogger(CallOutbox.class);

    private final JdbcTemplate jdbc;
    private final List<CallHandoff> handoffs;
    private volatile Runnable wakeUp = () -> { };

    public CallOutbox(JdbcTemplate jdbc, List<CallHandoff> handoffs) {
        this.jdbc = jdbc;
        this.handoffs = List.copyOf(handoffs);
    }

    /** Runs after each commit that added jobs (the drain registers itself here). */
    public void onAdded(Runnable wakeUp) {
        this.wakeUp = wakeUp;
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
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : committed) {
            for (CallHandoff h : handoffs) {
                if (h.wants(e.event())) {
                    rows.add(new Object[] {UUID.fromString(e.event().callId().value()), STEP,
                            h.name() + ":" + e.event().eventId().value(), e.line()});
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into incident_jobs (call_id, step, target, payload) values (?, ?, ?, ?::jsonb)
                on conflict (call_id, step, target) where call_id is not null do nothing""", rows);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void wake() {
        try {
            wakeUp.run();
        } catch (RuntimeException e) {
            // The jobs are stored; the drain's poll takes them.
            log.warn("wake-up of the call hand-offs failed: {}", e.toString());
        }
    }
}
