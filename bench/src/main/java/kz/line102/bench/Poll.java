package kz.line102.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The benchmarks' one way of waiting for something outside the JVM's control (a
 * database count, a process, a socket): check, and between checks park for the
 * polling interval, up to a limit.
 */
final class Poll {

    private Poll() {
    }

    /** Waits until {@code condition} holds; false when {@code limit} passed first. */
    static boolean until(Duration limit, Duration every, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(every);
        }
        return true;
    }

    /** As {@link #until}, failing with what was awaited when the limit passes. */
    static void require(String what, Duration limit, Duration every, BooleanSupplier condition) {
        if (!until(limit, every, condition)) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
    }

    /** One polling interval, for loops that also report progress between checks. */
    static void pause(Duration every) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(every.toMillis()));
        if (Thread.interrupted()) {
            throw new IllegalStateException("interrupted while waiting");
        }
    }
}
