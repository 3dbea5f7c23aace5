package kz.line102.callcenter.operator;

import kz.line102.callcenter.queue.QueueLoadFeed;
import kz.line102.callcenter.queue.QueueProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import kz.line102.callcenter.call.CallHandoff;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEvent;
import kz.line102.cti.QueueControl;
import kz.line102.cti.ami.AmiLinkConnected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * The feature's one background thread ({@code queue-sync}): reconciliation at start-up,
 * after every AMI reconnect and every {@code reconcile-interval}; ended wrap-ups; the
 * queue load refresh; and wrap-ups started by committed CallCompleted events. A wrap-up
 * is a hand-off of the intake's outbox (stored with the event, so a node that dies right
 * after the commit still starts it); it runs on this thread, serialised with the
 * reconciliation, and the drain waits for it so that a failure is retried.
 */
class QueueSync implements CallHandoff, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueueSync.class);

    private final ScheduledExecutorService thread;
    private final QueueReconciler reconciler;
    private final OperatorStateService states;
    private final QueueLoadFeed load;
    private final AtomicInteger reconnects = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean memberPassPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** Member events come in bursts (one per queue, ours included): one pass a little after the first. */
    private static final long MEMBER_PASS_DELAY_MILLIS = 500;
    /** Longer than a PBX action's timeout, with a reconciliation possibly ahead in line. */
    private static final long WRAP_UP_WAIT_SECONDS = 60;

    QueueSync(QueueReconciler reconciler, OperatorStateService states, QueueLoadFeed load) {
        this.reconciler = reconciler;
        this.states = states;
        this.load = load;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queue-sync");
            t.setDaemon(true);
            return t;
        });
    }

    void start(QueueControl pbx, QueueProperties props) {
        pbx.onLinkUp(() -> submit(() -> reconciler.reconcile(reconnects.getAndIncrement() == 0 ? "AMI link up"
                : "AMI reconnect")));
        pbx.onMemberChange(this::memberChanged);
        states.whenUncertain(() -> reconcileSoon("a PBX command not answered in time"));
        // Once per PBX across nodes: on the node that holds its AMI link (and hears its member events).
        every(props.reconcileInterval(), () -> {
            if (pbx.linkHolder()) {
                reconciler.reconcile("periodic");
            }
        });
        every(props.wrapUpCheck(), states::endDueWrapUps);
        every(props.loadRefresh(), load::refresh);
    }

    @Override
    public String name() {
        return "wrap-up";
    }

    @Override
    public boolean wants(CallEvent event) {
        return event instanceof CallCompleted c && c.operator() != null;
    }

    /** Starting a wrap-up is idempotent: an operator already in wrap-up (or not ready) is left as is. */
    @Override
    public void handOff(CallEvent event, CallRecord call) {
        CallCompleted c = (CallCompleted) event;
        try {
            thread.submit(() -> states.callCompleted(c.operator(), c.queue(), c.callId().value()))
                    .get(WRAP_UP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a wrap-up", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("wrap-up not started: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("wrap-up not started within " + WRAP_UP_WAIT_SECONDS + " s", e);
        }
    }

    /** A restarted PBX forgot its dynamic members: signed-in operators are put back at once. */
    @EventListener
    void linkConnected(AmiLinkConnected connected) {
        if (connected.pbxRestarted()) {
            log.warn("pbx={} restarted: putting every signed-in operator back in their queues", connected.pbx());
            submit(() -> reconciler.reconcile("PBX restart"));
        }
    }

    private void memberChanged() {
        if (memberPassPending.compareAndSet(false, true)) {
            try {
                thread.schedule(guarded(() -> {
                    memberPassPending.set(false);
                    reconciler.reconcile("PBX member event");
                }), MEMBER_PASS_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                memberPassPending.set(false);
            }
        }
    }

    /** Runs a reconciliation now (tests, and after a command the PBX did not answer). */
    void reconcileSoon(String why) {
        submit(() -> reconciler.reconcile(why));
    }

    private void every(Duration interval, Runnable task) {
        long ms = interval.toMillis();
        thread.scheduleWithFixedDelay(guarded(task), ms, ms, TimeUnit.MILLISECONDS);
    }

    private void submit(Runnable task) {
        try {
            thread.execute(guarded(task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("queue-sync stopped; task dropped");
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("queue-sync task failed: {}", e.toString(), e);
            }
        };
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
