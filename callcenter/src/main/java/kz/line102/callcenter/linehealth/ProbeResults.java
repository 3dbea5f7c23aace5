package kz.line102.callcenter.linehealth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import kz.line102.callcenter.linehealth.ProbeScheduler.Running;
import kz.line102.cti.sip.ProbeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records probe results on one thread, in order per target, in batches: each result
 * goes through its target's hysteresis as it arrives, and what arrives within
 * {@link #GATHER_MS} of the first is written in two statements (the time series, the
 * targets' states), not two per probe — at 500 targets every 2 s that is about 20
 * statements a second instead of 500. Then the metrics, and the alarms of the targets
 * whose state went to or from down (raised on {@link AlarmLanes}). A result that changes a state ends the batch at
 * once, so an alarm is not held back by the gathering.
 */
final class ProbeResults implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProbeResults.class);
    static final long GATHER_MS = 100;
    private static final int MAX_BATCH = 5_000;

    private final ProbeScheduler scheduler;
    private final JdbcTargetRepository targets;
    private final LineHealthAlarms alarms;
    private final LineHealthMetrics metrics;
    private final String node;
    // Bounded: a database that stalls makes results wait here, then be dropped with a log line.
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(10_000);
    private final Thread thread;
    private final AlarmLanes lanes = new AlarmLanes();
    private volatile boolean closed;

    private record Pending(Running running, ProbeResult result) {
    }

    /** One result after the hysteresis took it: the state before it. */
    private record Applied(Running running, ProbeResult result, TargetState before, TargetState after, int failStreak,
                           int okStreak) {
    }

    ProbeResults(ProbeScheduler scheduler, JdbcTargetRepository targets, LineHealthAlarms alarms,
                 LineHealthMetrics metrics, String node) {
        this.scheduler = scheduler;
        this.targets = targets;
        this.alarms = alarms;
        this.metrics = metrics;
        this.node = node;
        this.thread = new Thread(this::run, "line102-linehealth-results");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void add(Running running, ProbeResult result) {
        if (!queue.offer(new Pending(running, result))) {
            log.error("target {} probe result dropped: the result queue is full ({})", running.target().name(),
                    result.outcome());
        }
    }

    private void run() {
        Batch batch = new Batch();
        while (!closed) {
            try {
                // A result that changes a target's state ends the gathering at once: its alarm waits for nothing.
                boolean changed = batch.add(queue.take());
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_MS);
                long left;
                while (!changed && batch.size() < MAX_BATCH && (left = deadline - System.nanoTime()) > 0) {
                    Pending p = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (p == null) {
                        break;
                    }
                    changed = batch.add(p);
                }
                record(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} probe results not recorded: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Results taken through the hysteresis as they come, in order, with each target's latest state. */
    private final class Batch {

        private final List<Applied> applied = new ArrayList<>();
        private final List<Long> ids = new ArrayList<>();
        private final List<ProbeResult> results = new ArrayList<>();
        private final Map<Long, JdbcTargetRepository.StateRow> states = new LinkedHashMap<>();

        /** Takes one result; true when it changed its target's state. */
        boolean add(Pending p) {
            Running r = p.running();
            long id = r.target().id();
            if (scheduler.running(id) != r) {
                return false; // stopped or rescheduled since it was sent
            }
            ProbeResult result = p.result();
            TargetState before = r.health().apply(result.ok(), result.rtt());
            TargetState after = r.health().state();
            applied.add(new Applied(r, result, before, after, r.health().failStreak(), r.health().okStreak()));
            ids.add(id);
            results.add(result);
            JdbcTargetRepository.StateRow prior = states.get(id);
            Instant changed = before != after ? result.at() : prior == null ? null : prior.changedAt();
            Instant failed = !result.ok() ? result.at() : prior == null ? null : prior.failedAt();
            states.put(id, new JdbcTargetRepository.StateRow(id, r.health(), result, changed, failed));
            return before != after;
        }

        int size() {
            return applied.size();
        }

        void clear() {
            applied.clear();
            ids.clear();
            results.clear();
            states.clear();
        }
    }

    private void record(Batch batch) {
        if (batch.applied.isEmpty()) {
            return;
        }
        Set<Long> owned = targets.record(node, batch.ids, batch.results, List.copyOf(batch.states.values()));
        for (Applied a : batch.applied) {
            Target t = a.running().target();
            if (!owned.contains(t.id())) {
                if (scheduler.running(t.id()) == a.running()) {
                    scheduler.lost(t);
                }
                continue;
            }
            try {
                judged(a, t);
            } catch (RuntimeException e) {
                log.error("target {} probe result not judged: {}", t.name(), e.toString());
            }
        }
    }

    private void judged(Applied a, Target t) {
        ProbeResult r = a.result();
        metrics.probed(t, r, a.after());
        if (a.running().first().getAndSet(false) && a.before() == a.after()) {
            // Taken over (a restart, another node's death): the alarm follows the state the
            // previous owner saved, in case it died between saving it and raising or clearing.
            if (a.after() == TargetState.DOWN) {
                lanes.run(t.id(), t.name(), () -> alarms.targetDown(t, "down when this node took the target over;"
                        + " last: " + r.detail()));
            } else {
                lanes.run(t.id(), t.name(), () -> alarms.targetBack(t, "not down when this node took the target over"));
            }
        }
        if (a.before() != a.after()) {
            log.warn("target {} ({}) {} -> {} after {}: {}", t.name(), t.peer(), a.before().code(), a.after().code(),
                    r.outcome().code(), r.detail());
            if (a.after() == TargetState.DOWN) {
                lanes.run(t.id(), t.name(), () -> alarms.targetDown(t, a.failStreak()
                        + " probes failed in a row, last: " + r.detail()));
            } else if (a.before() == TargetState.DOWN) {
                lanes.run(t.id(), t.name(), () -> alarms.targetBack(t, a.okStreak() + " probes answered in a row"));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lanes.close();
    }
}
