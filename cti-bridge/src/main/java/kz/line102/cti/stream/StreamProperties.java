package kz.line102.cti.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the bridge hands events to Redis.
 *
 * @param key            the Redis Stream the events are appended to
 * @param spoolDir       where events wait on disk while Redis cannot take them
 * @param spoolMaxBytes  how much the spool may hold; beyond it events are reported as lost
 * @param queueCapacity  events held in memory before they go to the spool
 * @param batchSize      events per pipelined append
 * @param retryMin       first wait before trying Redis again
 * @param retryMax       longest wait between tries
 */
public record StreamProperties(String key, Path spoolDir, long spoolMaxBytes, int queueCapacity,
                               int batchSize, Duration retryMin, Duration retryMax) {

    public static final String DEFAULT_STREAM = "line102:cti:calls";

    public StreamProperties {
        Objects.requireNonNull(key, "line102.cti.stream.key");
        Objects.requireNonNull(spoolDir, "line102.cti.stream.spool-dir");
        Objects.requireNonNull(retryMin, "line102.cti.stream.retry-min");
        Objects.requireNonNull(retryMax, "line102.cti.stream.retry-max");
        if (key.isBlank()) {
            throw new IllegalArgumentException("line102.cti.stream.key must not be blank");
        }
        if (spoolMaxBytes < 1024 * 1024) {
            throw new IllegalArgumentException("line102.cti.stream.spool-max-bytes must be at least 1 MiB, was " + spoolMaxBytes);
        }
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("line102.cti.stream.queue-capacity and batch-size must be positive");
        }
        if (retryMin.isNegative() || retryMin.isZero() || retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("line102.cti.stream: need 0 < retry-min <= retry-max");
        }
    }

    public static StreamProperties defaults(Path spoolDir) {
        return new StreamProperties(DEFAULT_STREAM, spoolDir, 1L << 30, 100_000, 500,
                Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    public StreamProperties withKey(String newKey) {
        return new StreamProperties(newKey, spoolDir, spoolMaxBytes, queueCapacity, batchSize, retryMin, retryMax);
    }
}
