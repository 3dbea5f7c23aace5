package kz.line102.callcenter.incident;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import kz.line102.callcenter.call.CallIntakeListener;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Opens a draft card for the operator who answers a call. The intake thread only
 * queues the work; the draft is written on a small pool of its own. A draft that
 * cannot be opened here (the pool is full, the database failed) is only logged: the
 * operator's console opens it with {@code POST /api/v1/incidents {"callId": ...}},
 * which is idempotent with this one.
 */
@Component
class IncidentDraftOpener implements CallIntakeListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IncidentDraftOpener.class);

    private final IncidentService incidents;
    private final ThreadPoolExecutor pool;

    IncidentDraftOpener(IncidentService incidents) {
        this.incidents = incidents;
        this.pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "incident-drafts");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void committed(List<CallEvent> newEvents, List<CallRecord> changedCalls) {
        for (CallEvent e : newEvents) {
            if (e instanceof CallAnswered answered && answered.operator() != null) {
                try {
                    pool.execute(() -> open(answered));
                } catch (RejectedExecutionException full) {
                    log.error("callId={} operator={} draft not opened: the draft queue is full",
                            answered.callId().value(), answered.operator());
                }
            }
        }
    }

    private void open(CallAnswered answered) {
        try {
            incidents.openForAnsweredCall(UUID.fromString(answered.callId().value()), answered.operator());
        } catch (RuntimeException e) {
            log.error("callId={} operator={} draft not opened on answer; the console can open it: {}",
                    answered.callId().value(), answered.operator(), e.toString());
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
