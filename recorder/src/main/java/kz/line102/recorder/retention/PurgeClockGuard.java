package kz.line102.recorder.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import kz.line102.recorder.RecorderProperties;

/**
 * Decides the time a purge may judge expiry against, or refuses to purge.
 *
 * <p>The time is the earliest of: the wall clock, the {@link MonotonicPurgeClock trusted
 * time} (which never runs ahead of real time, whatever the wall clocks say), and the
 * previous run's time plus the step. It never goes back: a wall clock that reads before
 * the previous run stops the purge until it passes it again. And the application's and
 * the database's clocks must agree, so a clock set wrong on one machine is seen at once.
 */
final class PurgeClockGuard {

    private final Duration maxStep;
    private final Duration maxSkew;

    PurgeClockGuard(RecorderProperties.Retention config) {
        this.maxStep = config.maxClockStep();
        this.maxSkew = config.maxClockSkew();
    }

    Instant effective(Instant clockNow, Instant databaseNow, Optional<Instant> lastEffective, Instant trusted) {
        Duration skew = Duration.between(clockNow, databaseNow).abs();
        if (skew.compareTo(maxSkew) > 0) {
            throw new ClockSkewException("application clock " + clockNow + " and database clock " + databaseNow
                    + " differ by " + skew + " (more than " + maxSkew + "): purge refused");
        }
        Instant effective = earlier(clockNow, trusted);
        if (lastEffective.isEmpty()) {
            return effective;
        }
        Instant last = lastEffective.get();
        if (clockNow.isBefore(last)) {
            throw new ClockBehindException("clock reads " + clockNow + ", before the last purge run at " + last
                    + ": purge refused until the clock passes it");
        }
        effective = earlier(effective, last.plus(maxStep));
        return effective.isBefore(last) ? last : effective;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
