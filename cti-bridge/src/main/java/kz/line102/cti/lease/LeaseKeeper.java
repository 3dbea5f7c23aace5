package kz.line102.cti.lease;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link Lease}: tries to take it every {@code retryEvery} while another holds it,
 * renews it every {@code renewEvery} while held, and tells the listener, on the keeper's
 * own thread, when it was won ({@code acquired}) and lost ({@code lost}). A holder that
 * cannot renew (Redis away) counts the lease as lost once 80 % of the ttl has passed since
 * its last good renewal, before Redis lets a standby take it: two holders never overlap
 * on a healthy clock (unless {@link #holdingThroughOutages()}). Worst case for a standby to take over from a holder that died:
 * ttl + retryEvery.
 *
 * <pre>{@code
 * LeaseKeeper keeper = new LeaseKeeper(lease, LeaseKeeper.Timings.of(Duration.ofSeconds(3)), listener, "ami-pbx1");
 * keeper.start();
 * if (keeper.held()) { ...run the once-only job... }
 * keeper.close();          // releases the lease
 * }</pre>
 */
public final class LeaseKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    /** Told on the keeper's thread: hand slow work elsewhere. */
    public interface Listener {
        void acquired();

        void lost();

        /** Another holds it: told once after start, and again after each {@code lost}. */
        default void heldElsewhere() {
        }

        Listener NONE = new Listener() {
            @Override
            public void acquired() {
            }

            @Override
            public void lost() {
            }
        };
    }

    /**
     * @param renewEvery how often the holder renews (well under the ttl)
     * @param retryEvery how often a standby tries to take the lease
     */
    public record Timings(Duration renewEvery, Duration retryEvery) {
        /** Renew at a third of the ttl, retry at a sixth: takeover within about 1.2 × ttl. */
        public static Timings of(Duration ttl) {
            return new Timings(ttl.dividedBy(3), ttl.dividedBy(6));
        }
    }

    private final Lease lease;
    private final Timings timings;
    private final Listener listener;
    private final String name;
    private final ScheduledExecutorService thread;
    private volatile boolean held;
    private volatile long validUntilNanos;
    private volatile boolean closed;
    private boolean toldElsewhere;
    private volatile boolean holdThroughOutages;

    public LeaseKeeper(Lease lease, Timings timings, Listener listener, String name) {
        this.lease = lease;
        this.timings = timings;
        this.listener = listener;
        this.name = name;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * While Redis does not answer at all, the holder keeps holding (instead of giving up at
     * 80 % of the ttl): for work where doing it twice for a moment is harmless but not
     * doing it loses something, such as reading a PBX's events (their ids are deterministic,
     * so a second reader's copies are dropped by the consumer, while a link nobody holds
     * misses calls). Only Redis answering that another holds the lease takes it away.
     */
    public LeaseKeeper holdingThroughOutages() {
        this.holdThroughOutages = true;
        return this;
    }

    public LeaseKeeper start() {
        thread.execute(this::tick);
        return this;
    }

    /** Whether this instance holds the lease now (by its own clock, with a safety margin). */
    public boolean held() {
        return held && System.nanoTime() < validUntilNanos;
    }

    /** Runs {@code job} only while the lease is held here; returns whether it ran. */
    public boolean runIfHeld(Runnable job) {
        if (!held()) {
            return false;
        }
        job.run();
        return true;
    }

    public Lease lease() {
        return lease;
    }

    private void tick() {
        if (closed) {
            return;
        }
        long started = System.nanoTime();
        boolean ok;
        try {
            ok = held ? lease.renew() : lease.tryAcquire();
        } catch (RuntimeException e) {
            log.warn("lease {}: Redis did not answer ({})", lease.key(), e.toString());
            ok = false;
            if (held && holdThroughOutages) {
                validUntilNanos = System.nanoTime() + lease.ttl().toNanos();
                schedule(timings.renewEvery());
                return;
            }
            if (held && System.nanoTime() < validUntilNanos) {
                schedule(timings.renewEvery().dividedBy(2));
                return;
            }
        }
        if (ok) {
            validUntilNanos = started + lease.ttl().toNanos() * 8 / 10;
            if (!held) {
                held = true;
                log.info("lease {} taken by {} ({})", lease.key(), name, lease.token());
                notify(true);
            }
        } else if (held) {
            held = false;
            toldElsewhere = false;
            log.warn("lease {} lost by {}: another holder has it, or it expired", lease.key(), name);
            notify(false);
        } else if (!toldElsewhere) {
            toldElsewhere = true;
            try {
                listener.heldElsewhere();
            } catch (RuntimeException e) {
                log.warn("lease {} listener failed: {}", lease.key(), e.toString(), e);
            }
        }
        schedule(held ? timings.renewEvery() : timings.retryEvery());
    }

    private void notify(boolean acquired) {
        try {
            if (acquired) {
                listener.acquired();
            } else {
                listener.lost();
            }
        } catch (RuntimeException e) {
            log.warn("lease {} listener failed: {}", lease.key(), e.toString(), e);
        }
    }

    private void schedule(Duration in) {
        if (!closed) {
            try {
                thread.schedule(this::tick, Math.max(1, in.toMillis()), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("lease {} keeper stopped", lease.key());
            }
        }
    }

    /** Stops and releases the lease, so a standby takes over at once. Idempotent. */
    @Override
    public void close() {
        stop(true);
    }

    /**
     * Stops without releasing, as a node that died would: the lease runs out by itself.
     * For tests of a takeover.
     */
    public void abandon() {
        stop(false);
    }

    private void stop(boolean release) {
        if (closed) {
            return;
        }
        closed = true;
        thread.shutdownNow();
        boolean was = held;
        held = false;
        if (release && was) {
            try {
                lease.release();
                log.info("lease {} released by {}", lease.key(), name);
            } catch (RuntimeException e) {
                log.warn("lease {} not released ({}): it expires in {}", lease.key(), e.toString(), lease.ttl());
            }
        }
    }
}
