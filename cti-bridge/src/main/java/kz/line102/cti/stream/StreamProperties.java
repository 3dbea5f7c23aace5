package kz.line102.cti.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the bridge hands events to Redis.
 *
 * @param streamKey      the Redis Stream the events are appended to
 * @param spoolDir       where events wait on disk while Redis cannot take them
 * @param spoolMaxBytes  how much the spool may hold; beyond it events are reported as lost
 * @param queueCapacity  events held in memory before they go to the spool
 * @param batchSize      events per pipelined append
 * @param retryMin       first wait before trying Redis again
 * @param retryMax       longest wait between tries
 */
public record StreamProperties(String streamKey, Path spoolDir, long spoolMaxBytes, int queueCapacity,
                               int batchSize, Duration retryMin, Duration retryMax) {

    public static final String DEFAULT_STREAM = "line102:cti:calls";

    public StreamProperties {
        Objects.requireNonNull(streamKey, "streamKey");
        Objects.requireNonNull(spoolDir, "spoolDir");
        Objects.requireNonNull(retryMin, "retryMin");
        Objects.requireNonNull(retryMax, "retryMax");
        if (streamKey.isBlank()) {
            throw new IllegalArgumentException("streamKey must not be blank");
        }
        if (spoolMaxBytes < 1024 * 1024) {
            throw new IllegalArgumentException("spoolMaxBytes must be at least 1 MiB, was " + spoolMaxBytes);
        }
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("queueCapacity and batchSize must be positive");
        }
        if (retryMin.isNegative() || retryMin.isZero() || retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("need 0 < retryMin <= retryMax");
        }
    }

    public static StreamProperties defaults(Path spoolDir) {
        return new StreamProperties(DEFAULT_STREAM, spoolDir, 1L << 30, 100_000, 500,
                Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    public StreamProperties withStreamKey(String key) {
        return new StreamProperties(key, spoolDir, spoolMaxBytes, queueCapacity, batchSize, retryMin, retryMax);
    }
}
