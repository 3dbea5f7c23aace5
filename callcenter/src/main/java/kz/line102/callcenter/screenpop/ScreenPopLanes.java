package kz.line102.callcenter.screenpop;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Card lookups and sends run off the relay's thread, on a few serial lanes chosen by
 * extension: one console's pops stay in order, and a burst of rings on many phones does
 * not queue behind one another's database reads. Each lane holds at most
 * {@value #PER_LANE} pops; a full lane makes the relay thread wait for room (counted in
 * {@code line102.callcenter.screenpop.lanes.blocked}, logged at most once a minute)
 * rather than grow without bound or drop a pop.
 */
@Component
class ScreenPopLanes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScreenPopLanes.class);
    static final int LANES = 4;
    static final int PER_LANE = 1_000;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ThreadPoolExecutor[] lanes = new ThreadPoolExecutor[LANES];
    private final Counter blocked;
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    @Autowired
    ScreenPopLanes(MeterRegistry meters) {
        this(meters, PER_LANE);
    }

    ScreenPopLanes(MeterRegistry meters, int perLane) {
        this.blocked = Counter.builder("line102.callcenter.screenpop.lanes.blocked")
                .description("times a screen-pop waited for room on a full lane (back-pressure, no drop)")
                .register(meters);
        for (int i = 0; i < LANES; i++) {
            String name = "screenpop-lane-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(perLane), r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }, this::waitForRoom);
        }
        Gauge.builder("line102.callcenter.screenpop.lanes.backlog", this, ScreenPopLanes::backlog)
                .description("screen-pops queued on the lanes").register(meters);
    }

    /** Runs {@code task} on the lane of {@code extension}, after that lane's earlier pops. */
    void execute(String extension, Runnable task) {
        lanes[Math.floorMod(extension.hashCode(), LANES)].execute(task);
    }

    long blocked() {
        return (long) blocked.count();
    }

    int backlog() {
        int n = 0;
        for (ThreadPoolExecutor lane : lanes) {
            n += lane.getQueue().size();
        }
        return n;
    }

    private void waitForRoom(Runnable task, ThreadPoolExecutor lane) {
        blocked.increment();
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarn.compareAndSet(last, now)) {
            log.warn("screen-pop lane full ({} queued): delivery waits for consoles and card lookups to catch up",
                    lane.getQueue().size());
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
        throw new RejectedExecutionException("screen-pop lane stopped");
    }

    @Override
    public void destroy() {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdownNow();
        }
    }
}
