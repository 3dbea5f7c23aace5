package kz.line102.callcenter.stats;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import kz.line102.callcenter.app.RedisChannelSubscription;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.JedisPubSub;
import tools.jackson.databind.json.JsonMapper;

/** This node's end of the live statistics channel: keeps the newest snapshot and hands each one to the sockets here. */
class StatsRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatsRelay.class);

    private final List<Consumer<String>> screens = new CopyOnWriteArrayList<>();
    private final RedisChannelSubscription subscription;
    private volatile boolean running;

    StatsRelay(RedisProperties redis, RedisKeys keys, JsonMapper json, LiveStats live) {
        this.subscription = new RedisChannelSubscription(redis, LiveStats.channel(keys), "stats-relay",
                () -> new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String message) {
                        try {
                            live.received(json.readValue(message, LiveStats.Snapshot.class));
                        } catch (RuntimeException e) {
                            log.error("unreadable live statistics ({}): {}", e.toString(), message);
                            return;
                        }
                        for (Consumer<String> s : screens) {
                            try {
                                s.accept(message);
                            } catch (RuntimeException e) {
                                log.warn("live statistics not delivered to a screen: {}", e.toString());
                            }
                        }
                    }
                });
    }

    AutoCloseable register(Consumer<String> screen) {
        screens.add(screen);
        return () -> screens.remove(screen);
    }

    int screens() {
        return screens.size();
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
