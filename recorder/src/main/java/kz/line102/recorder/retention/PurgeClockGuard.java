package kz.line102.recorder.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import kz.line102.recorder.RecorderProperties;

/**
 * Decides the time a purge may judge expiry against, or refuses to purge.
 *
 * <p>Why it is safe: let L be the previous run's effective time (itself never later than
 * the real time it ran at, by induction). This run uses at most L + step and deletes only
 * what expired before that minus grace, with grace ≥ step; so everything it deletes
 * expired before L, which had passed for real. A forward jump is absorbed whole; a
 * backward jump (clock < L) stops the purge until the clock passes L again. The first run
 * has no L: there the database's clock, kept by a different machine, must agree.
 */
final class PurgeClockGuard {

    private final Duration maxStep;
    private final Duration maxSkew;

    PurgeClockGuard(RecorderProperties.Retention config) {
        this.maxStep = config.maxClockStep();
        this.maxSkew = config.maxClockSkew();
    }

    Instant effective(Instant clockNow, Instant databaseNow, Optional<Instant> lastEffective) {
        Duration skew = Duration.between(clockNow, databaseNow).abs();
        if (skew.compareTo(maxSkew) > 0) {
            throw new ClockSkewException("application clock " + clockNow + " and database clock " + databaseNow
                    + " differ by " + skew + " (more than " + maxSkew + "): purge refused");
        }
        if (lastEffective.isEmpty()) {
            return clockNow;
        }
        Instant last = lastEffective.get();
        if (clockNow.isBefore(last)) {
            throw new ClockBehindException("clock reads " + clockNow + ", before the last purge run at " + last
                    + ": purge refused until the clock passes it");
        }
        Instant ceiling = last.plus(maxStep);
        return clockNow.isAfter(ceiling) ? ceiling : clockNow;
    }
}
