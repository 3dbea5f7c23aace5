package kz.line102.cti.ami;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with "equal jitter": the n-th delay lies between half and
 * all of {@code min * 2^n} (capped at {@code max}). Half is kept so a PBX that restarts
 * in under a second is found again quickly; the random half spreads the reconnects of
 * several bridges that lost the same PBX at once. Not thread-safe: one connector thread
 * uses it.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int attempt;

    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    Duration next() {
        long ceiling = ceiling(attempt);
        if (attempt < 62) {
            attempt++;
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }

    void reset() {
        attempt = 0;
    }

    int attempts() {
        return attempt;
    }

    private long ceiling(int n) {
        long c = minMillis;
        for (int i = 0; i < n && c < maxMillis; i++) {
            c *= 2;
        }
        return Math.min(c, maxMillis);
    }
}
