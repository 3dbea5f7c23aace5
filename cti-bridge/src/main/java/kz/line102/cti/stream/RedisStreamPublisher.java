package kz.line102.cti.stream;

import kz.line102.cti.LogMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends call events to the Redis Stream, in pipelined batches, from one named
 * thread. While Redis does not answer, events go to an {@link EventSpool} on disk
 * and are delivered from there first once it does. An event that neither Redis nor
 * the spool can take is logged at ERROR with its full content and counted: it is
 * never dropped silently.
 */
public final class RedisStreamPublisher implements CallEventSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamPublisher.class);

    private final UnifiedJedis redis;
    private final StreamProperties props;
    private final CallEventCodec codec = new CallEventCodec();
    private final BlockingQueue<Map<String, String>> queue;
    private final EventSpool spool;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter accepted;
    private final Counter published;
    private final Counter spooled;
    private final Counter lost;
    private volatile boolean redisUp = true;
    private volatile String lastError;
    private Thread worker;

    public RedisStreamPublisher(UnifiedJedis redis, StreamProperties props, MeterRegistry meters) {
        this.redis = redis;
        this.props = props;
        this.queue = new ArrayBlockingQueue<>(props.queueCapacity());
        this.spool = new EventSpool(props.spoolDir(), props.spoolMaxBytes(), codec);
        this.accepted = Counter.builder("line102.cti.events.accepted")
                .description("call events handed to the publisher").register(meters);
        this.published = Counter.builder("line102.cti.events.published")
                .description("call events appended to the Redis Stream").register(meters);
        this.spooled = Counter.builder("line102.cti.events.spooled")
                .description("call events written to the disk spool while Redis was unavailable").register(meters);
        this.lost = Counter.builder("line102.cti.events.lost")
                .description("call events neither Redis nor the spool could take (each logged at ERROR)")
                .register(meters);
        Gauge.builder("line102.cti.publisher.queued", queue, BlockingQueue::size)
                .description("call events waiting in memory").register(meters);
        Gauge.builder("line102.cti.spool.bytes", spool, EventSpool::bytes)
                .description("bytes of call events waiting in the disk spool").register(meters);
        Gauge.builder("line102.cti.spool.torn.bytes", spool, EventSpool::tornBytes)
                .description("bytes of a torn spool tail (a crash mid-append) cut off at start and kept in a side file")
                .register(meters);
        Gauge.builder("line102.cti.redis.up", this, p -> p.redisUp ? 1 : 0)
                .description("1 while the last append to Redis succeeded").register(meters);
    }

    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        worker = new Thread(this::run, "cti-stream-publisher");
        worker.setDaemon(true);
        worker.start();
        log.info("publishing call events to Redis stream {} (spool {})", props.key(), spool.file());
    }

    @Override
    public void accept(CallEvent event) {
        Map<String, String> fields = codec.encode(event);
        accepted.increment();
        if (!queue.offer(fields)) {
            toSpool(List.of(fields));
        }
    }

    /** Events accepted but not yet in Redis: in memory and on disk. */
    public Backlog backlog() {
        return new Backlog(queue.size(), spool.bytes(), redisUp, lastError);
    }

    private void run() {
        long wait = props.retryMin().toNanos();
        List<Map<String, String>> batch = new ArrayList<>(props.batchSize());
        while (running.get() || !queue.isEmpty()) {
            try {
                if (spool.hasPending() && !drainSpool()) {
                    moveQueueToSpool();
                    wait = backOff(wait);
                    continue;
                }
                batch.clear();
                Map<String, String> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, props.batchSize() - 1);
                if (append(batch)) {
                    wait = props.retryMin().toNanos();
                } else {
                    toSpool(batch);
                    wait = backOff(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("call event publisher failed; carrying on", e);
            }
        }
        moveQueueToSpool();
    }

    private boolean drainSpool() {
        EventSpool.Chunk chunk = spool.peek(props.batchSize());
        if (chunk.events().isEmpty() || append(chunk.events())) {
            spool.consumed(chunk);
            if (!spool.hasPending()) {
                log.info("event spool drained into Redis");
            }
            return true;
        }
        return false;
    }

    private boolean append(List<Map<String, String>> batch) {
        try (AbstractPipeline pipe = redis.pipelined()) {
            XAddParams params = XAddParams.xAddParams();
            for (Map<String, String> fields : batch) {
                pipe.xadd(props.key(), params, fields);
            }
            pipe.sync();
            published.increment(batch.size());
            if (!redisUp) {
                log.info("Redis answers again; call events flow to {}", props.key());
            }
            redisUp = true;
            lastError = null;
            return true;
        } catch (RuntimeException e) {
            if (redisUp) {
                log.error("Redis did not take {} call events ({}); holding them on disk in {}",
                        batch.size(), e.toString(), spool.file());
            }
            redisUp = false;
            lastError = e.toString();
            return false;
        }
    }

    private void moveQueueToSpool() {
        List<Map<String, String>> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            toSpool(rest);
        }
    }

    private void toSpool(List<Map<String, String>> batch) {
        if (spool.append(batch)) {
            spooled.increment(batch.size());
            return;
        }
        for (Map<String, String> fields : batch) {
            lost.increment();
            log.error("LOST call event: the spool {} is full or failing; event: {}", spool.file(), LogMask.text(codec.toLine(fields)));
        }
    }

    private long backOff(long wait) {
        long jitter = ThreadLocalRandom.current().nextLong(wait / 4 + 1);
        long deadline = System.nanoTime() + wait + jitter;
        // Keep memory bounded while waiting: whatever arrives goes to disk.
        while (running.get() && System.nanoTime() < deadline) {
            moveQueueToSpool();
            LockSupport.parkNanos(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
        }
        return Math.min(wait * 2, props.retryMax().toNanos());
    }

    /** Stops after handing everything accepted to Redis or the spool. Idempotent. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (!running.getAndSet(false)) {
                return;
            }
            t = worker;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        moveQueueToSpool();
        spool.close();
    }

    /** What waits to reach Redis. */
    public record Backlog(int queued, long spoolBytes, boolean redisUp, String lastError) {
    }
}
