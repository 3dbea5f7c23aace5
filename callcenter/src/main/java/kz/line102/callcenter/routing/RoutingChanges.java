package kz.line102.callcenter.routing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Tells every node that a new rule set version was saved, and hears it: a Redis pub/sub
 * channel carries the version number. Pub/sub keeps nothing for a node that is not
 * listening, so the node also reloads after every (re)subscription and checks the
 * database every {@code poll-interval}. The subscription is re-made with capped,
 * jittered backoff when Redis goes away.
 */
final class RoutingChanges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoutingChanges.class);
    private static final long RETRY_MIN_MS = 100;
    private static final long RETRY_MAX_MS = 5_000;

    private final UnifiedJedis redis;
    private final String channel;
    private final Duration pollInterval;
    private final ScheduledExecutorService poller;
    private final Subscriber subscriber = new Subscriber();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private volatile boolean closed;
    private Thread listener;
    private Runnable reload = () -> { };

    RoutingChanges(UnifiedJedis redis, String channel, Duration pollInterval) {
        this.redis = redis;
        this.channel = channel;
        this.pollInterval = pollInterval;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "routing-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts listening; {@code onChange} must be idempotent (it is called on every hint of a change). */
    synchronized void start(Runnable onChange) {
        if (listener != null) {
            return;
        }
        this.reload = onChange;
        listener = new Thread(this::listen, "routing-changes");
        listener.setDaemon(true);
        listener.start();
        poller.scheduleWithFixedDelay(this::safeReload, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(this::keepAlive, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * The shared Redis client reads with a socket timeout (line102.redis.timeout-millis): a
     * quiet subscription would time out and be re-made every few seconds, with a window in
     * which a notification is lost. A PING on the subscription every second keeps it busy.
     */
    private void keepAlive() {
        try {
            if (subscriber.isSubscribed()) {
                subscriber.ping();
            }
        } catch (RuntimeException e) {
            log.debug("keep-alive ping on the routing change subscription failed", e);
        }
    }

    /** Announces a saved version to every node (this one included, harmlessly). */
    void announce(int version) {
        try {
            redis.publish(channel, Integer.toString(version));
        } catch (RuntimeException e) {
            log.warn("could not announce rule set version {} on {}: other nodes take it within their poll "
                    + "interval ({})", version, channel, pollInterval, e);
        }
    }

    /** How many times the channel was subscribed (more than once: the subscription was lost and re-made). */
    int subscriptions() {
        return subscriptions.get();
    }

    private void listen() {
        long delay = RETRY_MIN_MS;
        while (!closed) {
            try {
                redis.subscribe(subscriber, channel);
                delay = RETRY_MIN_MS;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("routing change notifications lost ({}); subscribing again in {} ms", e.getMessage(), delay);
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
            } catch (InterruptedException e) {
                return;
            }
            delay = Math.min(RETRY_MAX_MS, delay * 2);
        }
    }

    private void safeReload() {
        try {
            reload.run();
        } catch (RuntimeException e) {
            log.warn("reloading the routing rules failed; the rules in force stay", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (subscriber.isSubscribed()) {
                subscriber.unsubscribe();
            }
        } catch (RuntimeException e) {
            log.debug("unsubscribe on close failed", e);
        }
        poller.shutdownNow();
        if (listener != null) {
            listener.interrupt();
        }
    }

    private final class Subscriber extends JedisPubSub {

        @Override
        public void onSubscribe(String ch, int count) {
            subscriptions.incrementAndGet();
            // Whatever was announced while not subscribed is picked up now.
            poller.execute(RoutingChanges.this::safeReload);
        }

        @Override
        public void onMessage(String ch, String message) {
            // Off the subscriber's reader: the reload queries the database.
            poller.execute(RoutingChanges.this::safeReload);
        }
    }
}
