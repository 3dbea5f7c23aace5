package kz.line102.callcenter.screenpop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import kz.line102.callcenter.app.RedisChannelSubscription;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's end of the screen-pop channel: delivers every ring to the consoles
 * connected here for that extension. A console that connects (or reconnects after a
 * Redis outage) asks for the ring in progress with {@link #current}.
 */
@Component
public class ScreenPopRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScreenPopRelay.class);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, List<Consumer<OperatorRing>>> consoles = new ConcurrentHashMap<>();
    private final RedisChannelSubscription subscription;
    private volatile boolean running;

    public ScreenPopRelay(UnifiedJedis redis, RedisProperties redisProps, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.subscription = new RedisChannelSubscription(redisProps, ScreenPopPublisher.channel(keys),
                "screenpop-relay",
                () -> new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String message) {
                        try {
                            deliver(json.readValue(message, OperatorRing.class));
                        } catch (RuntimeException e) {
                            log.error("unreadable screen-pop message ({}): {}", e.toString(), message);
                        }
                    }
                });
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
        String body = redis.get(ScreenPopPublisher.ringKey(keys, extension));
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
                log.warn("callId={} extension={} screen-pop not delivered to a console: {}", ring.callId(),
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
        subscription.start();
    }

    /** True once this node listens on the channel. */
    public boolean subscribed() {
        return subscription.subscribed();
    }

    @Override
    public synchronized void stop() {
        running = false;
        subscription.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
