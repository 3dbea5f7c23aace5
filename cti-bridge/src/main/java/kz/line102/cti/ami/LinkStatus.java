package kz.line102.cti.ami;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Where the AMI link stands (state, since when, the last error) and the wait of queue
 * commands sent while it comes up. Apart from the connector so that health and the
 * waiters read one consistent picture whatever thread moves the link.
 */
final class LinkStatus {

    private final Clock clock;
    private final Object upMonitor = new Object();
    private volatile AmiLinkState state = AmiLinkState.STOPPED;
    private volatile Instant since;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    LinkStatus(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    AmiLinkState state() {
        return state;
    }

    boolean up() {
        return state == AmiLinkState.CONNECTED || state == AmiLinkState.STANDBY;
    }

    void error(String why) {
        lastError = why;
        lastErrorAt = clock.instant();
    }

    void enter(AmiLinkState next) {
        if (state != next) {
            state = next;
            since = clock.instant();
        }
        // Every change wakes the waiters: commands wait for up, a one-shot command for any outcome.
        synchronized (upMonitor) {
            upMonitor.notifyAll();
        }
    }

    /** Waits at most {@code millis} for the link to leave {@code from}; false when it did not. */
    boolean awaitLeaving(AmiLinkState from, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (upMonitor) {
            while (state == from) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                upMonitor.wait(Math.max(1, left / 1_000_000L));
            }
        }
        return true;
    }

    /** Waits at most {@code millis} for {@code connected}; false when it did not come or {@code stopped}. */
    boolean await(BooleanSupplier connected, BooleanSupplier stopped, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (upMonitor) {
            while (!connected.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || stopped.getAsBoolean()) {
                    return false;
                }
                upMonitor.wait(Math.max(1, left / 1_000_000L));
            }
        }
        return true;
    }

    AmiHealth health(String pbx, long reconnects, int calls, boolean standby) {
        return new AmiHealth(pbx, state, since, lastError, lastErrorAt, reconnects, calls, standby);
    }
}
