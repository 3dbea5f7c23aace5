package kz.line102.callcenter.screenpop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import kz.line102.callcenter.app.RedisProperties;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's end of the screen-pop channel: delivers every ring to the consoles
 * connected here for that extension. Subscribes from one named thread and
 * resubscribes after a Redis outage; a console that connects asks for the ring in
 * progress with {@link #current}.
 */
@Component
public class ScreenPopRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScreenPopRelay.class);

    private final UnifiedJedis redis;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, List<Consumer<OperatorRing>>> consoles = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile JedisPubSub subscription;
    private Thread thread;

    private final RedisProperties redisProps;

    public ScreenPopRelay(UnifiedJedis redis, RedisProperties redisProps) {
        this.redis = redis;
        this.redisProps = redisProps;
    }

    /** Delivers the rings of {@code extension} to {@code console} until the returned handle is closed. */
    public AutoCloseable register(String extension, Consumer<OperatorRing> console) {
        consoles.computeIfAbsent(extension, k -> new CopyOnWriteArrayList<>()).add(console);
        return () -> consoles.computeIfPresent(extension, (k, list) -> {
            list.remove(console);
            return list.isEmpty() ? null : list;
        });
    }

    /** The call ringing at (or taken on) {@code extension} now, if any. */
    public Optional<OperatorRing> current(String extension) {
        String body = redis.get(ScreenPopPublisher.ringKey(extension));
        return body == null ? Optional.empty() : Optional.of(json.readValue(body, OperatorRing.class));
    }

    void deliver(OperatorRing ring) {
        List<Consumer<OperatorRing>> here = consoles.get(ring.extension());
        if (here == null) {
            return;
        }
        for (Consumer<OperatorRing> console : here) {
            try {
                console.accept(ring);
            } catch (RuntimeException e) {
                log.warn("callId={} operator={} screen-pop not delivered to a console: {}", ring.callId(),
                        ring.extension(), e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "screenpop-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        while (running) {
            JedisPubSub pubsub = new JedisPubSub() {
                @Override
                public void onMessage(String channel, String message) {
                    try {
                        deliver(json.readValue(message, OperatorRing.class));
                    } catch (RuntimeException e) {
                        log.error("unreadable screen-pop message ({}): {}", e.toString(), message);
                    }
                }
            };
            subscription = pubsub;
            // A connection of its own with no read timeout: a quiet channel is not a dead one,
            // and a pooled connection's timeout would drop the subscription (and any ring
            // published while it is re-made) every few seconds.
            DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().socketTimeoutMillis(0)
                    .connectionTimeoutMillis(redisProps.timeoutMillis());
            if (redisProps.password() != null && !redisProps.password().isEmpty()) {
                config.password(redisProps.password());
            }
            try (Jedis connection = new Jedis(new HostAndPort(redisProps.host(), redisProps.port()), config.build())) {
                connection.subscribe(pubsub, ScreenPopPublisher.CHANNEL);
            } catch (RuntimeException e) {
                if (running) {
                    log.error("screen-pop channel lost ({}); resubscribing", e.toString());
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
            }
        }
    }

    /** True once this node listens on the channel. */
    public boolean subscribed() {
        JedisPubSub s = subscription;
        return s != null && s.isSubscribed();
    }

    @Override
    public synchronized void stop() {
        running = false;
        JedisPubSub s = subscription;
        if (s != null && s.isSubscribed()) {
            s.unsubscribe();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
