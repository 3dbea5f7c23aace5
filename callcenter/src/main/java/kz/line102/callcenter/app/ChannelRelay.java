package kz.line102.callcenter.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.JedisPubSub;

/**
 * This node's end of a live channel (rings, alerts, statistics): every node publishes to one
 * Redis channel and each hands what it hears to the screens connected to it. Screens register
 * under a key (an extension) or for everything; a message that cannot be read is logged and
 * dropped, a screen that fails does not keep the message from the others.
 *
 * @param <M> what the channel carries, decoded once for every screen of the node
 */
public class ChannelRelay<M> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChannelRelay.class);
    private static final String EVERYTHING = "";

    private final String what;
    private final Function<M, String> keyOf;
    private final Map<String, List<Consumer<M>>> screens = new ConcurrentHashMap<>();
    private final RedisChannelSubscription subscription;
    private volatile boolean running;

    /**
     * @param what   the channel's name in logs and its thread's ({@code <what>-relay})
     * @param decode a message as published to what the screens take; throws when unreadable
     * @param keyOf  which screens a message is for (their {@link #register(String, Consumer)} key)
     */
    protected ChannelRelay(RedisProperties redis, String channel, String what, Function<String, M> decode,
                           Function<M, String> keyOf) {
        this.what = what;
        this.keyOf = keyOf;
        this.subscription = new RedisChannelSubscription(redis, channel, what + "-relay",
                () -> new JedisPubSub() {
                    @Override
                    public void onMessage(String ch, String message) {
                        M decoded;
                        try {
                            decoded = decode.apply(message);
                        } catch (RuntimeException e) {
                            log.error("unreadable {} message ({}): {}", what, e.toString(),
                                    PersonalData.text(message));
                            return;
                        }
                        deliver(decoded);
                    }
                });
    }

    /** A channel whose every message is for every screen. */
    protected ChannelRelay(RedisProperties redis, String channel, String what, Function<String, M> decode) {
        this(redis, channel, what, decode, m -> EVERYTHING);
    }

    /** Hands {@code screen} the messages for {@code key} until the returned handle is closed. */
    public AutoCloseable register(String key, Consumer<M> screen) {
        screens.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(screen);
        return () -> screens.computeIfPresent(key, (k, list) -> {
            list.remove(screen);
            return list.isEmpty() ? null : list;
        });
    }

    /** Hands {@code screen} every message until the returned handle is closed. */
    public AutoCloseable register(Consumer<M> screen) {
        return register(EVERYTHING, screen);
    }

    /** The screens connected here. */
    public int screens() {
        return screens.values().stream().mapToInt(List::size).sum();
    }

    /** Delivers to this node's screens, as if heard on the channel. */
    public void deliver(M message) {
        String key = keyOf.apply(message);
        List<Consumer<M>> here = key == null ? null : screens.get(key);
        if (here == null) {
            return;
        }
        for (Consumer<M> screen : here) {
            try {
                screen.accept(message);
            } catch (RuntimeException e) {
                log.warn("{} message for '{}' not delivered to a screen: {}", what, PersonalData.text(key),
                        e.toString());
            }
        }
    }

    /** True once this node listens on the channel. */
    public boolean subscribed() {
        return subscription.subscribed();
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            subscription.start();
        }
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
