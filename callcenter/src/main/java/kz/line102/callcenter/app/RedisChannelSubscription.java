package kz.line102.callcenter.app;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * One Redis pub/sub channel listened to from one named thread, on a connection of its
 * own with no read timeout: a quiet channel is not a dead one, and the shared client's
 * timeout would drop the subscription (and whatever is published while it is re-made)
 * every few seconds. When Redis goes away the subscription is re-made with capped,
 * jittered backoff; pub/sub keeps nothing meanwhile, so listeners that must not miss a
 * message catch up in their {@code onSubscribe}.
 */
public final class RedisChannelSubscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisChannelSubscription.class);
    private static final long RETRY_MIN_MS = 100;
    private static final long RETRY_MAX_MS = 5_000;

    private final RedisProperties redis;
    private final String channel;
    private final String threadName;
    private final Supplier<JedisPubSub> listeners;
    private volatile boolean running;
    private volatile JedisPubSub current;
    private Thread thread;

    /** @param listeners makes a fresh listener for every (re)subscription */
    public RedisChannelSubscription(RedisProperties redis, String channel, String threadName,
                                    Supplier<JedisPubSub> listeners) {
        this.redis = redis;
        this.channel = channel;
        this.threadName = threadName;
        this.listeners = listeners;
    }

    /** Idempotent. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** True while the channel is subscribed. */
    public boolean subscribed() {
        JedisPubSub s = current;
        return s != null && s.isSubscribed();
    }

    private void listen() {
        long delay = RETRY_MIN_MS;
        while (running) {
            JedisPubSub pubsub = listeners.get();
            current = pubsub;
            try (Jedis connection = new Jedis(new HostAndPort(redis.host(), redis.port()), config())) {
                connection.subscribe(pubsub, channel);
                delay = RETRY_MIN_MS;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("channel {} lost ({}); subscribing again in about {} ms", channel, e.toString(), delay);
                }
            }
            if (running) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(
                        delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1)));
                delay = Math.min(RETRY_MAX_MS, delay * 2);
            }
        }
    }

    private DefaultJedisClientConfig config() {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().socketTimeoutMillis(0)
                .connectionTimeoutMillis(redis.timeoutMillis());
        if (redis.password() != null && !redis.password().isEmpty()) {
            config.password(redis.password());
        }
        return config.build();
    }

    /** Idempotent. */
    @Override
    public synchronized void close() {
        running = false;
        JedisPubSub s = current;
        try {
            if (s != null && s.isSubscribed()) {
                s.unsubscribe();
            }
        } catch (RuntimeException e) {
            log.debug("unsubscribing from {} on close: {}", channel, e.toString());
        }
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
