package kz.line102.callcenter.settings;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import kz.line102.callcenter.app.RedisChannelSubscription;
import kz.line102.callcenter.app.RedisProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Tells every node that a new version of a setting was saved, and hears it: a Redis
 * pub/sub channel of the setting's own carries the version number. Pub/sub keeps nothing for a node that is not
 * listening, so the node also reloads after every (re)subscription and checks the
 * database every {@code poll-interval}.
 */
final class SettingChanges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SettingChanges.class);

    private final UnifiedJedis redis;
    private final String setting;
    private final String channel;
    private final Duration pollInterval;
    private final ScheduledExecutorService poller;
    private final RedisChannelSubscription subscription;
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private boolean started;
    private Runnable reload = () -> { };

    /** Without {@code redisProps} it only polls (a node with no Redis subscription, e.g. in a unit test). */
    SettingChanges(UnifiedJedis redis, RedisProperties redisProps, SettingSpec<?> spec, String channel) {
        this.redis = redis;
        this.setting = spec.name;
        this.channel = channel;
        this.pollInterval = spec.pollInterval;
        this.subscription = redisProps == null ? null
                : new RedisChannelSubscription(redisProps, channel, setting + "-changes", Subscriber::new);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, setting + "-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts listening; {@code onChange} must be idempotent (it is called on every hint of a change). */
    synchronized void start(Runnable onChange) {
        if (started) {
            return;
        }
        started = true;
        this.reload = onChange;
        if (subscription != null) {
            subscription.start();
        }
        poller.scheduleWithFixedDelay(this::safeReload, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Announces a saved version to every node (this one included, harmlessly). */
    void announce(int version) {
        if (redis == null) {
            return;
        }
        try {
            redis.publish(channel, Integer.toString(version));
        } catch (RuntimeException e) {
            log.warn("setting={} could not announce version {} on {}: other nodes take it within their poll "
                    + "interval ({})", setting, version, channel, pollInterval, e);
        }
    }

    /** How many times the channel was subscribed (more than once: the subscription was lost and re-made). */
    int subscriptions() {
        return subscriptions.get();
    }

    /**
     * At most one reload waits on the poller: a flood of notifications (each only says
     * "something changed") coalesces, since one reload reads the newest version anyway.
     */
    private void reloadSoon() {
        if (reloadQueued.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    reloadQueued.set(false);
                    safeReload();
                });
            } catch (RejectedExecutionException e) {
                reloadQueued.set(false); // closed
            }
        }
    }

    private void safeReload() {
        try {
            reload.run();
        } catch (RuntimeException e) {
            log.warn("setting={} reloading failed; the version in force stays", setting, e);
        }
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
        }
        poller.shutdownNow();
    }

    private final class Subscriber extends JedisPubSub {

        @Override
        public void onSubscribe(String ch, int count) {
            subscriptions.incrementAndGet();
            // Whatever was announced while not subscribed is picked up now.
            reloadSoon();
        }

        @Override
        public void onMessage(String ch, String message) {
            // Off the subscriber's reader: the reload queries the database.
            reloadSoon();
        }
    }
}
