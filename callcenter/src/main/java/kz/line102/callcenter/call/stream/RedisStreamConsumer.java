package kz.line102.callcenter.call.stream;

import kz.line102.callcenter.call.StreamMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads a stream through a consumer group from one named thread. Order of work:
 * first the entries this consumer was given but never acknowledged (a crash or a
 * failed commit), then entries other consumers left idle too long (they died), then
 * new entries. An entry is acknowledged and deleted only after the route committed
 * it, so delivery is at-least-once and the route must be idempotent. A batch the route
 * failed on stays pending and is offered again after a back-off that doubles from
 * {@code retryMillis} up to {@code retryMaxMillis} (with jitter, so nodes do not retry in
 * step); entries the route names in {@link RedisStreamEndpoint#KEEP_PENDING} stay
 * pending while the rest of their batch is acknowledged.
 */
final class RedisStreamConsumer extends DefaultConsumer {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamConsumer.class);

    private final RedisStreamEndpoint endpoint;
    private volatile boolean running;
    private ExecutorService executor;
    private boolean ownPendingFirst = true;
    private long nextClaimAt;
    private boolean redisWasDown;
    private int failedDeliveries;

    RedisStreamConsumer(RedisStreamEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        running = true;
        ownPendingFirst = true;
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "redis-stream-" + endpoint.getConsumerName());
        executor.execute(this::loop);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor, 10_000);
            executor = null;
        }
        super.doStop();
    }

    private void loop() {
        log.info("consuming stream {} as {} in group {}", endpoint.getKey(), endpoint.getConsumerName(),
                endpoint.getGroup());
        boolean groupReady = false;
        while (running) {
            try {
                if (!groupReady) {
                    ensureGroup();
                    groupReady = true;
                }
                List<StreamEntry> entries = next();
                if (redisWasDown) {
                    log.info("Redis answers again; consuming {}", endpoint.getKey());
                    redisWasDown = false;
                }
                if (!entries.isEmpty()) {
                    Delivery outcome = deliver(entries);
                    if (outcome == Delivery.FAILED) {
                        ownPendingFirst = true;
                        failedDeliveries++;
                        pause(backOff());
                    } else {
                        failedDeliveries = 0;
                        if (outcome == Delivery.PARTLY) {
                            ownPendingFirst = true;
                            pause(endpoint.getRetryMillis());
                        }
                    }
                }
            } catch (JedisDataException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
                    groupReady = false;
                    continue;
                }
                log.error("Redis refused a stream command on {}: {}", endpoint.getKey(), e.getMessage());
                pause(endpoint.getRetryMillis());
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!redisWasDown) {
                    log.error("cannot read stream {} ({}); retrying", endpoint.getKey(), e.toString());
                    redisWasDown = true;
                }
                pause(endpoint.getRetryMillis());
            }
        }
    }

    private void ensureGroup() {
        try {
            endpoint.redis().xgroupCreate(endpoint.getKey(), endpoint.getGroup(), new StreamEntryID(0, 0), true);
            log.info("created consumer group {} on {}", endpoint.getGroup(), endpoint.getKey());
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private List<StreamEntry> next() {
        UnifiedJedis redis = endpoint.redis();
        if (ownPendingFirst) {
            List<StreamEntry> own = read(redis, new StreamEntryID(0, 0), false);
            if (!own.isEmpty()) {
                log.info("re-delivering {} entries this consumer had not acknowledged", own.size());
                return own;
            }
            ownPendingFirst = false;
        }
        long now = System.currentTimeMillis();
        if (now >= nextClaimAt) {
            nextClaimAt = now + endpoint.getClaimIntervalMillis();
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(endpoint.getKey(),
                    endpoint.getGroup(), endpoint.getConsumerName(), endpoint.getClaimIdleMillis(),
                    new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(endpoint.getBatchSize()));
            List<StreamEntry> entries = live(claimed.getValue());
            if (!entries.isEmpty()) {
                log.warn("claimed {} entries another consumer left unacknowledged for over {} ms",
                        entries.size(), endpoint.getClaimIdleMillis());
                return entries;
            }
        }
        return read(redis, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, true);
    }

    private List<StreamEntry> read(UnifiedJedis redis, StreamEntryID from, boolean block) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(endpoint.getBatchSize());
        if (block) {
            params.block((int) endpoint.getBlockMillis());
        }
        List<Map.Entry<String, List<StreamEntry>>> result = redis.xreadGroup(endpoint.getGroup(),
                endpoint.getConsumerName(), params, Map.of(endpoint.getKey(), from));
        List<StreamEntry> entries = new ArrayList<>();
        if (result != null) {
            for (Map.Entry<String, List<StreamEntry>> stream : result) {
                entries.addAll(live(stream.getValue()));
            }
        }
        return entries;
    }

    /** A pending entry that was deleted shows up with no fields: nothing to do for it. */
    private List<StreamEntry> live(List<StreamEntry> entries) {
        List<StreamEntry> live = new ArrayList<>(entries.size());
        for (StreamEntry e : entries) {
            if (e != null && e.getFields() != null) {
                live.add(e);
            } else if (e != null) {
                endpoint.redis().xack(endpoint.getKey(), endpoint.getGroup(), e.getID());
            }
        }
        return live;
    }

    private enum Delivery { DONE, PARTLY, FAILED }

    private Delivery deliver(List<StreamEntry> entries) {
        List<StreamMessage> messages = new ArrayList<>(entries.size());
        for (StreamEntry e : entries) {
            messages.add(new StreamMessage(e.getID().toString(), e.getFields()));
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(messages);
            exchange.getIn().setHeader("RedisStreamKey", endpoint.getKey());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                log.error("route failed on {} stream entries (from {}); they stay pending and are retried: {}",
                        entries.size(), entries.get(0).getID(), exchange.getException().toString());
                return Delivery.FAILED;
            }
            Set<String> keep = keepPending(exchange);
            StreamEntryID[] ids = entries.stream().filter(e -> !keep.contains(e.getID().toString()))
                    .map(StreamEntry::getID).toArray(StreamEntryID[]::new);
            if (ids.length > 0) {
                endpoint.redis().xack(endpoint.getKey(), endpoint.getGroup(), ids);
                endpoint.redis().xdel(endpoint.getKey(), ids);
            }
            if (ids.length < entries.size()) {
                log.warn("{} of {} stream entries stay pending to be tried again: {}", entries.size() - ids.length,
                        entries.size(), keep);
                return Delivery.PARTLY;
            }
            return Delivery.DONE;
        } catch (Exception e) {
            log.error("delivering {} stream entries failed; they stay pending", entries.size(), e);
            return Delivery.FAILED;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static Set<String> keepPending(Exchange exchange) {
        Collection<?> keep = exchange.getMessage().getHeader(RedisStreamEndpoint.KEEP_PENDING, Collection.class);
        if (keep == null || keep.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        keep.forEach(id -> ids.add(String.valueOf(id)));
        return ids;
    }

    /** Doubles per failed delivery in a row, capped, with up to a quarter of jitter. */
    private long backOff() {
        long base = endpoint.getRetryMillis() << Math.min(20, Math.max(0, failedDeliveries - 1));
        long capped = Math.min(base, Math.max(endpoint.getRetryMillis(), endpoint.getRetryMaxMillis()));
        return capped - ThreadLocalRandom.current().nextLong(capped / 4 + 1);
    }

    private void pause(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (running && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }
}
