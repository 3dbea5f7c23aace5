package kz.line102.callcenter.linehealth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises and clears the targets' alarms off the thread that records probe results, on a
 * few lanes, each target always on the same one (so its down and back stay in order).
 * When a trunk fails, every target behind it goes down in the same instant: one after
 * the other, each alert (incident row, alert, its push and outbound delivery) would hold
 * up the next, and the last target's alarm would come seconds late.
 */
final class AlarmLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlarmLanes.class);
    private static final int LANES = 4;

    private final ThreadPoolExecutor[] lanes = new ThreadPoolExecutor[LANES];

    AlarmLanes() {
        for (int i = 0; i < LANES; i++) {
            String name = "line102-linehealth-alarms-" + i;
            // Bounded: a stalled alert store makes alarms wait here, then be refused with a log line.
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
    }

    void run(long targetId, String target, Runnable alarm) {
        try {
            lanes[(int) Math.floorMod(targetId, (long) LANES)].execute(() -> {
                try {
                    alarm.run();
                } catch (RuntimeException e) {
                    log.error("target {} alarm not raised or cleared: {}", target, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.error("target {} alarm dropped: its lane is full or closed", target);
        }
    }

    @Override
    public void close() {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
        for (ThreadPoolExecutor lane : lanes) {
            try {
                lane.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
