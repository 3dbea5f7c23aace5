package kz.line102.cti.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that plays every instance: it merges all instances' events in
 * time order, renders each into a reused buffer, hands it to every client and
 * advances the live state. Clients are flushed once per batch, not per event.
 */
final class EventScheduler implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EventScheduler.class);
    /** Events written between flushes when many are due at once. */
    private static final int BATCH = 256;
    private static final Comparator<ReplayInstance> ORDER =
            Comparator.<ReplayInstance>comparingLong(i -> i.key).thenComparingLong(i -> i.seq);

    private final ClientHub hub;
    private final LiveState state;
    private final ReplayClock clock;
    private final ConcurrentLinkedQueue<List<ReplayInstance>> incoming = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<ReplayInstance> paced = new PriorityQueue<>(ORDER);
    private final PriorityQueue<ReplayInstance> unpaced = new PriorityQueue<>(ORDER);
    private final ByteSink sink = new ByteSink(8192);
    private final ReplayHandle[] batchHandles = new ReplayHandle[BATCH];
    private final String[] batchNames = new String[BATCH];
    private final long[] batchMicros = new long[BATCH];
    private final List<ReplayInstance> finished = new ArrayList<>();
    private volatile ReplayEventListener listener;
    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile long eventsPlayed;
    private volatile long eventsDelivered;

    EventScheduler(ClientHub hub, LiveState state, ReplayClock clock) {
        this.hub = hub;
        this.state = state;
        this.clock = clock;
    }

    /** All at once, so unpaced calls started together interleave instead of the first ones running ahead. */
    void submit(List<ReplayInstance> instances) {
        incoming.add(List.copyOf(instances));
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (running) {
                drainIncoming();
                int n = playDue();
                if (n > 0) {
                    afterBatch(n);
                } else {
                    idle();
                }
            }
        } catch (RuntimeException e) {
            log.error("replay scheduler stopped", e);
        } finally {
            failPending(new CancellationException("replay server closed"));
        }
    }

    private void drainIncoming() {
        List<ReplayInstance> batch;
        while ((batch = incoming.poll()) != null) {
            for (ReplayInstance i : batch) {
                if (i.finished()) {
                    finished.add(i);
                    continue;
                }
                i.key = i.dueKey();
                (i.paced() ? paced : unpaced).add(i);
            }
        }
    }

    private int playDue() {
        int n = 0;
        long now = System.nanoTime();
        while (n < BATCH && !paced.isEmpty() && paced.peek().key <= now) {
            play(paced.poll(), paced, n++);
        }
        while (n < BATCH && !unpaced.isEmpty()) {
            play(unpaced.poll(), unpaced, n++);
        }
        return n;
    }

    private void play(ReplayInstance inst, PriorityQueue<ReplayInstance> queue, int slot) {
        EventTemplate e = inst.nextEvent();
        long nowNanos = System.nanoTime();
        long micros = clock.epochMicros(nowNanos);
        sink.reset();
        e.render(inst.values, micros, sink);
        eventsDelivered += hub.write(sink.array(), sink.length());
        // Applied before the batch is flushed, so a client that has seen the event finds it in the state.
        state.apply(e, inst.values, nowNanos, inst.pace);
        batchHandles[slot] = inst.handle;
        batchNames[slot] = e.name();
        batchMicros[slot] = micros;
        inst.advance();
        if (inst.finished()) {
            finished.add(inst);
        } else {
            inst.key = inst.dueKey();
            queue.add(inst);
        }
    }

    private void afterBatch(int n) {
        hub.flush();
        eventsPlayed += n;
        ReplayEventListener l = listener;
        if (l != null) {
            long flushed = System.nanoTime();
            for (int k = 0; k < n; k++) {
                l.eventWritten(batchHandles[k], batchNames[k], flushed, batchMicros[k]);
            }
        }
        Arrays.fill(batchHandles, 0, n, null);
        completeFinished();
    }

    private void completeFinished() {
        for (ReplayInstance i : finished) {
            i.handle.done().complete(null);
        }
        finished.clear();
    }

    private void idle() {
        completeFinished();
        if (!incoming.isEmpty()) {
            return;
        }
        if (paced.isEmpty()) {
            LockSupport.parkNanos(this, 100_000_000L);
        } else {
            LockSupport.parkNanos(this, paced.peek().key - System.nanoTime());
        }
    }

    void setListener(ReplayEventListener listener) {
        this.listener = listener;
    }

    long eventsPlayed() {
        return eventsPlayed;
    }

    long eventsDelivered() {
        return eventsDelivered;
    }

    /** Stops the thread; instances that have not finished get their futures cancelled. */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    private void failPending(Throwable cause) {
        for (PriorityQueue<ReplayInstance> q : List.of(paced, unpaced)) {
            q.forEach(i -> i.handle.done().completeExceptionally(cause));
        }
        incoming.forEach(batch -> batch.forEach(i -> i.handle.done().completeExceptionally(cause)));
    }
}
