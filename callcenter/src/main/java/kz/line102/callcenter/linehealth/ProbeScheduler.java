package kz.line102.callcenter.linehealth;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kz.line102.cti.sip.OptionsProber;
import kz.line102.cti.sip.SipPeer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the targets this node holds, each on its own interval, one probe in flight
 * per target (a probe still waiting when the next is due is not doubled). Results are
 * recorded by {@link ProbeResults} on one thread, in order per target and in batches. Targets are taken
 * and kept under a lease (see {@link JdbcTargetRepository#claim}), so with several
 * nodes each target is probed by one, and another takes over within a lease when it dies.
 */
final class ProbeScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProbeScheduler.class);

    private final JdbcTargetRepository targets;
    private final OptionsProber prober;
    private final LineHealthAlarms alarms;
    private final LineHealthMetrics metrics;
    private final LineHealthProperties props;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final ScheduledExecutorService timer;
    private final ProbeResults results;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private volatile Runnable beforeRefresh = () -> { };
    private volatile boolean closed;

    /**
     * A target as this node probes it, with what each probe needs made once (the peer, the
     * timeout, the expected codes). {@code first}: no result recorded yet since this node took it.
     */
    record Running(Target target, TargetHealth health, ScheduledFuture<?> future, AtomicBoolean busy,
                   AtomicBoolean first, Duration timeout, Set<Integer> expected, SipPeer peer) {
    }

    ProbeScheduler(JdbcTargetRepository targets, OptionsProber prober, LineHealthAlarms alarms,
                   LineHealthMetrics metrics, LineHealthProperties props, Clock clock) {
        this.targets = targets;
        this.prober = prober;
        this.alarms = alarms;
        this.metrics = metrics;
        this.props = props;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "line102-linehealth-probes"));
        this.results = new ProbeResults(this, targets, alarms, metrics, node);
    }

    /** Run before each refresh (the target set applied to the rows if a first attempt failed). */
    void beforeRefresh(Runnable hook) {
        this.beforeRefresh = hook;
    }

    void start() {
        long renew = Math.max(props.lease().toMillis() / 3, 100);
        timer.scheduleWithFixedDelay(this::refresh, 0, renew, TimeUnit.MILLISECONDS);
        results.start();
        timer.scheduleWithFixedDelay(this::prune, props.pruneInterval().toMillis(), props.pruneInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("line-health probes started on node {}", node);
    }

    /** Takes and renews this node's targets and (re)schedules what changed; at once after an API change. */
    synchronized void refresh() {
        if (closed) {
            return;
        }
        try {
            beforeRefresh.run();
            List<Target> mine = targets.claim(node, props.lease());
            Set<Long> keep = new HashSet<>();
            Map<Long, Target> byId = new HashMap<>();
            mine.forEach(t -> byId.put(t.id(), t));
            for (Target t : mine) {
                keep.add(t.id());
                Running r = running.get(t.id());
                if (r == null || !r.target().sameProbe(t) || !r.target().name().equals(t.name())) {
                    stop(t.id());
                    schedule(t);
                }
            }
            for (Long id : Set.copyOf(running.keySet())) {
                if (!keep.contains(id)) {
                    stop(id);
                }
            }
        } catch (RuntimeException e) {
            log.error("line-health targets not refreshed (kept probing the known ones): {}", e.toString());
        }
    }

    private void schedule(Target t) {
        TargetHealth health = TargetHealth.of(props, t);
        AtomicBoolean busy = new AtomicBoolean();
        Running[] self = new Running[1];
        ScheduledFuture<?> f = timer.scheduleAtFixedRate(() -> probe(self[0]), 0, t.intervalMs(),
                TimeUnit.MILLISECONDS);
        self[0] = new Running(t, health, f, busy, new AtomicBoolean(true), Duration.ofMillis(t.timeoutMs()),
                Set.copyOf(t.expectedCodes()), t.peer());
        running.put(t.id(), self[0]);
        log.info("target {} ({}) probed every {} ms, timeout {} ms", t.name(), t.peer(), t.intervalMs(),
                t.timeoutMs());
    }

    private synchronized void stop(long id) {
        Running r = running.remove(id);
        if (r != null) {
            r.future().cancel(false);
            metrics.forget(r.target().name());
        }
    }

    private void probe(Running r) {
        if (r == null || closed || !r.busy().compareAndSet(false, true)) {
            return;
        }
        prober.probe(r.peer(), r.timeout(), r.expected()).thenAccept(result -> {
            try {
                results.add(r, result);
            } finally {
                r.busy().set(false);
            }
            if (!result.ok() && !closed && r.health().state() != TargetState.DOWN && running.get(r.target().id()) == r) {
                // A miss is confirmed or dismissed at once, not an interval later: a silent peer is down within
                // its N timeouts after the first miss, and one lost datagram still raises nothing (the retry
                // answers). A target already down goes back to its interval.
                try {
                    timer.execute(() -> probe(r));
                } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                    log.debug("target {} not retried: probing stops", r.target().name());
                }
            }
        });
    }

    /** The target as this node probes it now; null when it does not (stopped, taken over, removed). */
    Running running(long id) {
        return closed ? null : running.get(id);
    }

    /** This node lost the target (another owns it, or it was removed): its probes stop here. */
    void lost(Target t) {
        log.info("target {} is no longer probed by this node", t.name());
        stop(t.id());
    }

    private void prune() {
        try {
            int gone = targets.prune(clock.instant().minus(props.keepProbes()));
            if (gone > 0) {
                log.info("{} line-health probe results older than {} deleted", gone, props.keepProbes());
            }
        } catch (RuntimeException e) {
            log.error("line-health probe results not pruned: {}", e.toString());
        }
    }

    int probing() {
        return running.size();
    }

    /** Stops probing and hands this node's targets to the others at once. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        results.close();
        running.clear();
        try {
            targets.release(node);
        } catch (RuntimeException e) {
            log.warn("line-health targets not released ({}); others take them when the lease ends", e.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
