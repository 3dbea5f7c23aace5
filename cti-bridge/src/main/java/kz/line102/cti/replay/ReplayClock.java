package kz.line102.cti.replay;

/**
 * Wall-clock epoch micros derived from {@link System#nanoTime()}: monotonic, so
 * Timestamps never go backwards, and cheap enough to read for every event.
 */
final class ReplayClock {

    private final long baseEpochMicros;
    private final long baseNanos;

    ReplayClock() {
        long millis = System.currentTimeMillis();
        this.baseNanos = System.nanoTime();
        this.baseEpochMicros = millis * 1000L;
    }

    long epochMicros(long nanoTime) {
        return baseEpochMicros + (nanoTime - baseNanos) / 1000L;
    }

    long nowEpochMicros() {
        return epochMicros(System.nanoTime());
    }
}
