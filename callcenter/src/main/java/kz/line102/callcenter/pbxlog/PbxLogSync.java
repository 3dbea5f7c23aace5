package kz.line102.callcenter.pbxlog;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kz.line102.cti.QueueControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature's one background thread ({@code pbxlog}): a pass at node start, after every
 * AMI (re)connect (the link's own "in sync again" signal) and every {@code interval}.
 * Passes never overlap; a request made while one runs is folded into one more pass.
 */
final class PbxLogSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PbxLogSync.class);

    private final PbxLogReconciler reconciler;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();

    PbxLogSync(PbxLogReconciler reconciler) {
        this.reconciler = reconciler;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pbxlog");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code pbx} is null on a node without a bridge: nothing then signals a reconnect. */
    void start(QueueControl pbx, PbxLogProperties props) {
        if (pbx != null) {
            // onLinkUp runs on the link's thread: only hand the pass over.
            pbx.onLinkUp(() -> request("AMI link up"));
        }
        long every = props.interval().toMillis();
        thread.scheduleWithFixedDelay(() -> run("periodic"), every, every, TimeUnit.MILLISECONDS);
        request("node start");
    }

    void request(String why) {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                run(why);
            });
        }
    }

    private void run(String why) {
        try {
            int sent = reconciler.reconcileNow();
            log.debug("pbxlog pass ({}): {} events", why, sent);
        } catch (RuntimeException e) {
            // The PBX's tables or the database are away: the next pass reads the same window again.
            log.error("pbxlog pass ({}) failed: {}", why, e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
