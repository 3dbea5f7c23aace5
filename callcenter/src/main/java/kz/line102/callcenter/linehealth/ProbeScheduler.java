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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kz.line102.cti.sip.OptionsProber;
import kz.line102.cti.sip.ProbeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the targets this node holds, each on its own interval, one probe in flight
 * per target (a probe still waiting when the next is due is not doubled). Results are
 * recorded on one thread, in order per target: the time series, the state with its
 * hysteresis, metrics, and the alarm on a change to or from down. Targets are taken
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
    private final ThreadPoolExecutor results;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** {@code first}: no result recorded yet since this node took the target. */
    private record Running(Target target, TargetHealth health, ScheduledFuture<?> future, AtomicBoolean busy,
                           AtomicBoolean first) {
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
        // Bounded: a database that stalls makes results wait here, then be dropped with a log line.
        this.results = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
                r -> daemon(r, "line102-linehealth-results"));
    }

    void start() {
        long renew = Math.max(props.lease().toMillis() / 3, 100);
        timer.scheduleWithFixedDelay(this::refresh, 0, renew, TimeUnit.MILLISECONDS);
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
        TargetHealth health = new TargetHealth(props, t.state(), t.failStreak(), t.okStreak());
        AtomicBoolean busy = new AtomicBoolean();
        ScheduledFuture<?> f = timer.scheduleAtFixedRate(() -> probe(t, health, busy), 0, t.intervalMs(),
                TimeUnit.MILLISECONDS);
        running.put(t.id(), new Running(t, health, f, busy, new AtomicBoolean(true)));
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

    private void probe(Target t, TargetHealth health, AtomicBoolean busy) {
        if (closed || !busy.compareAndSet(false, true)) {
            return;
        }
        prober.probe(t.peer(), Duration.ofMillis(t.timeoutMs()), Set.copyOf(t.expectedCodes())).thenAccept(r -> {
            try {
                results.execute(() -> record(t, health, r));
            } catch (RejectedExecutionException full) {
                log.error("target {} probe result dropped: the result queue is full ({})", t.name(), r.outcome());
            } finally {
                busy.set(false);
            }
        });
    }

    private void record(Target t, TargetHealth health, ProbeResult r) {
        Running current = running.get(t.id());
        if (closed || current == null || current.health() != health) {
            return;
        }
        try {
            TargetState before = health.apply(r.ok(), r.rtt());
            targets.insertProbe(t.id(), r);
            if (!targets.saveState(t.id(), node, health, before, r)) {
                log.info("target {} is no longer probed by this node", t.name());
                stop(t.id());
                return;
            }
            metrics.probed(t, r, health.state());
            if (current.first().getAndSet(false) && before == health.state()) {
                // Taken over (a restart, another node's death): the alarm follows the state the
                // previous owner saved, in case it died between saving it and raising or clearing.
                if (health.state() == TargetState.DOWN) {
                    alarms.targetDown(t, "down when this node took the target over; last: " + r.detail());
                } else {
                    alarms.targetBack(t, "not down when this node took the target over");
                }
            }
            if (before != health.state()) {
                log.warn("target {} ({}) {} -> {} after {}: {}", t.name(), t.peer(), before.code(),
                        health.state().code(), r.outcome().code(), r.detail());
                if (health.state() == TargetState.DOWN) {
                    alarms.targetDown(t, health.failStreak() + " probes failed in a row, last: " + r.detail());
                } else if (before == TargetState.DOWN) {
                    alarms.targetBack(t, health.okStreak() + " probes answered in a row");
                }
            }
        } catch (RuntimeException e) {
            log.error("target {} probe result not recorded: {}", t.name(), e.toString());
        }
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
        results.shutdown();
        try {
            results.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
