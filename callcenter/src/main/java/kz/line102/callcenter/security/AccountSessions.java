package kz.line102.callcenter.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import kz.line102.callcenter.app.RedisChannelSubscription;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Sessions follow the account, on every node. Each user has a <em>session generation</em>
 * in Redis: an HTTP session remembers the generation it signed in under and is ended on
 * its next request once the generation moved on ({@link SessionGenerationFilter}), so
 * disabling, demoting or re-keying a user ends all their sessions at once wherever they
 * live, without sticky sessions. Sockets cannot wait for a next request: every node keeps
 * its own sockets by user here and closes them when the channel says so, whichever node
 * made the change.
 */
@Component
public class AccountSessions implements SmartLifecycle {

    /** Which of a user's sockets to close. */
    public enum Sockets { ALL, SCREEN_POP, ALERTS }

    /** A socket closed by this registry: 4401, "session ended", in the private-use range. */
    public static final int CLOSE_CODE = 4401;

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final RedisChannelSubscription subscription;
    private final Map<String, Map<WebSocketSession, Sockets>> sockets = new ConcurrentHashMap<>();
    private volatile boolean running;

    AccountSessions(UnifiedJedis redis, RedisProperties redisProps, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.subscription = new RedisChannelSubscription(redisProps, channel(keys), "account-sessions",
                () -> new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String message) {
                        received(message);
                    }
                });
    }

    static String channel(RedisKeys keys) {
        return keys.key("callcenter:security:sessions-ended");
    }

    private String generationKey(String username) {
        return keys.key("callcenter:security:session-generation:" + username);
    }

    /** The user's generation now (0 before any change). */
    public long generation(String username) {
        String value = redis.get(generationKey(username));
        return value == null ? 0 : Long.parseLong(value);
    }

    /**
     * Ends every HTTP session and socket of {@code username} on every node: their next
     * request is unauthenticated, their sockets close now.
     */
    public void endAll(String username, String why) {
        redis.incr(generationKey(username));
        closeSockets(username, Sockets.ALL, why);
    }

    /** Closes the user's sockets of one kind (or all) on every node; sessions stay. */
    public void closeSockets(String username, Sockets which, String why) {
        // Locally at once, then every other node through the channel (this node too: harmless).
        close(username, which, why);
        try {
            redis.publish(channel(keys), which.name() + "\n" + why + "\n" + username);
        } catch (RuntimeException e) {
            log.error("operatorId={} sockets ({}) closed on this node only, the channel is unreachable: {}",
                    username, which, e.toString());
        }
    }

    /** Keeps {@code socket} until the returned handle is closed (the socket's own close). */
    public AutoCloseable register(String username, Sockets kind, WebSocketSession socket) {
        sockets.computeIfAbsent(username, k -> new ConcurrentHashMap<>()).put(socket, kind);
        return () -> sockets.computeIfPresent(username, (k, mine) -> {
            mine.remove(socket);
            return mine.isEmpty() ? null : mine;
        });
    }

    private void received(String message) {
        String[] parts = message.split("\n", 3);
        if (parts.length != 3) {
            log.error("unreadable sessions-ended message ignored ({} parts)", parts.length);
            return;
        }
        try {
            close(parts[2], Sockets.valueOf(parts[0]), parts[1]);
        } catch (IllegalArgumentException e) {
            log.error("sessions-ended message with unknown socket kind '{}' ignored", parts[0]);
        }
    }

    private void close(String username, Sockets which, String why) {
        Map<WebSocketSession, Sockets> mine = sockets.get(username);
        if (mine == null) {
            return;
        }
        for (Map.Entry<WebSocketSession, Sockets> e : Set.copyOf(mine.entrySet())) {
            if (which == Sockets.ALL || which == e.getValue()) {
                try {
                    e.getKey().close(new CloseStatus(CLOSE_CODE, why));
                    log.info("operatorId={} {} socket closed: {}", username, e.getValue(), why);
                } catch (IOException | RuntimeException ex) {
                    log.warn("operatorId={} socket not closed cleanly: {}", username, ex.toString());
                }
                mine.remove(e.getKey());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            subscription.start();
        }
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
