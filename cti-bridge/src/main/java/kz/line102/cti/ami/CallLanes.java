package kz.line102.cti.ami;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of named single-thread lanes; all work for one call (one Linkedid) goes
 * to the same lane, so a call's events are handled in order and its state needs no
 * lock, while different calls proceed in parallel.
 *
 * <p>The lanes hold at most {@code capacity} tasks in all. When a lane is full,
 * {@link #submit} waits for room: that is asterisk-java's reader thread (it dispatches
 * events on the thread that reads the socket), so the PBX's writes back up in TCP
 * instead of events piling up in memory here. Nothing is dropped: if Asterisk gives up
 * on a client that does not read (its {@code writetimeout}), the link drops, and the
 * resync after reconnecting recovers the calls. Every wait is counted
 * ({@code line102.cti.ami.lanes.blocked}) and logged at most once a minute. Lane tasks
 * send nothing to the PBX, so a waiting reader cannot deadlock them.
 */
final class CallLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallLanes.class);
    /** Tasks queued across all lanes; about 20 MB of AMI events at most. */
    static final int DEFAULT_CAPACITY = 20_000;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ThreadPoolExecutor[] lanes;
    private final LongAdder blocked = new LongAdder();
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    CallLanes(int count, String name) {
        this(count, name, DEFAULT_CAPACITY);
    }

    CallLanes(int count, String name, int capacity) {
        int perLane = Math.max(1, capacity / count);
        lanes = new ThreadPoolExecutor[count];
        for (int i = 0; i < count; i++) {
            String threadName = name + "-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(perLane),
                    r -> {
                        Thread t = new Thread(r, threadName);
                        t.setDaemon(true);
                        return t;
                    }, this::waitForRoom);
        }
    }

    /** Queues {@code task} on the lane of {@code key}; waits while that lane is full. */
    void submit(String key, Runnable task) {
        ThreadPoolExecutor lane = lanes[Math.floorMod(key.hashCode(), lanes.length)];
        lane.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // One bad event must not kill the lane and with it every later call on it.
                log.error("lane task failed for key {}", key, e);
            }
        });
    }

    /** The rejection policy: back-pressure on the submitter, never a drop while the lane runs. */
    private void waitForRoom(Runnable task, ThreadPoolExecutor lane) {
        blocked.increment();
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarn.compareAndSet(last, now)) {
            log.warn("AMI lane full ({} queued): the AMI reader waits for call event handling to catch up "
                    + "({} waits so far)", lane.getQueue().size(), blocked.sum());
        }
        try {
            while (!lane.isShutdown()) {
                if (lane.getQueue().offer(task, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RejectedExecutionException("AMI lane stopped while waiting for room");
    }

    /** How many submits had to wait for room. */
    long blocked() {
        return blocked.sum();
    }

    long backlog() {
        long n = 0;
        for (ThreadPoolExecutor lane : lanes) {
            n += lane.getQueue().size() + lane.getActiveCount();
        }
        return n;
    }

    int size() {
        return lanes.length;
    }

    /** Lets queued work finish (up to {@code drain}), then stops the threads. Idempotent. */
    void close(Duration drain) {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        long deadline = System.nanoTime() + drain.toNanos();
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    log.warn("AMI lane did not drain in {}; {} tasks abandoned", drain, lane.shutdownNow().size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
