package kz.line102.callcenter.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import kz.line102.callcenter.app.RedisProperties.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Whether the Redis holding the call stream keeps what it acknowledged: the bridge
 * forgets an event once Redis took it, so that Redis must write an append-only file
 * synced at least every second and must never evict a key. Read with {@code CONFIG GET}
 * at start-up (a missing setting stops the start in {@code refuse} mode) and every
 * {@code check-interval} after (health {@code redisDurability}, gauge
 * {@code line102.redis.durable}). Where {@code CONFIG} is renamed or disabled, the log
 * says so and {@code config-disabled} decides.
 */
public final class RedisDurabilityCheck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisDurabilityCheck.class);
    private static final Set<String> FSYNC_OK = Set.of("everysec", "always");

    /** What one check found. {@code unreadable}: CONFIG refused (why); {@code down}: Redis did not answer. */
    public record Verdict(boolean durable, Map<String, String> settings, List<String> missing, String unreadable,
                          String down) {
    }

    private final Function<String, String> configGet;
    private final RedisProperties.Durability props;
    private final String where;
    private volatile Verdict last;
    private ScheduledExecutorService timer;

    /** @param configGet one setting's value by {@code CONFIG GET}; throws JedisDataException when refused */
    RedisDurabilityCheck(Function<String, String> configGet, RedisProperties.Durability props, String where) {
        this.configGet = configGet;
        this.props = props;
        this.where = where;
    }

    /** Against the configured Redis, on a short connection of its own per check. */
    static RedisDurabilityCheck of(RedisProperties redis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .timeoutMillis(redis.timeoutMillis());
        if (redis.password() != null && !redis.password().isEmpty()) {
            config.password(redis.password());
        }
        DefaultJedisClientConfig client = config.build();
        return new RedisDurabilityCheck(name -> {
            try (Jedis jedis = new Jedis(new HostAndPort(redis.host(), redis.port()), client)) {
                return jedis.configGet(name).get(name);
            }
        }, redis.durability(), redis.host() + ":" + redis.port());
    }

    /** Checks once and refuses the start when a setting is missing in {@code refuse} mode. */
    void checkAtStartUp() {
        Verdict v = check();
        if (v.down() != null) {
            // StoreWait let the start go on, so Redis answered a moment ago; the periodic check will tell.
            log.warn("redis durability: Redis at {} did not answer the check ({}); checking again in {}", where,
                    v.down(), props.checkInterval());
            return;
        }
        if (!v.durable() && decisive(v) == Mode.REFUSE) {
            throw new IllegalStateException(message(v) + ". Start refused (line102.redis.durability.mode=refuse"
                    + (v.unreadable() != null ? ", config-disabled=refuse" : "") + "): configure Redis as in "
                    + "conf/redis.conf, or set the mode to warn where losing acknowledged call events is acceptable");
        }
    }

    /** Starts the periodic check. Idempotent. */
    synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-durability");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1000, props.checkInterval().toMillis());
        timer.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("redis durability check failed: {}", e.toString());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Reads the settings now; logs when the verdict changed. */
    Verdict check() {
        Verdict v = read();
        Verdict before = last;
        last = v;
        boolean changed = before == null || before.durable() != v.durable() || !before.missing().equals(v.missing())
                || (before.down() == null) != (v.down() == null);
        if (changed && v.down() == null) {
            if (v.durable()) {
                log.info("redis durability: Redis at {} keeps what it acknowledged: {}", where, v.settings());
            } else if (decisive(v) == Mode.REFUSE) {
                log.error("redis durability: {}; call events acknowledged by Redis can be lost", message(v));
            } else {
                log.warn("redis durability: {} (mode warn: running on)", message(v));
            }
        }
        return v;
    }

    /** The latest verdict, or null before the first check. */
    public Verdict last() {
        return last;
    }

    /** The mode that applies to this verdict: config-disabled when CONFIG could not be read. */
    Mode decisive(Verdict v) {
        return v.unreadable() != null ? props.configDisabled() : props.mode();
    }

    private Verdict read() {
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            for (String name : List.of("appendonly", "appendfsync", "maxmemory-policy")) {
                settings.put(name, configGet.apply(name));
            }
        } catch (JedisConnectionException e) {
            return new Verdict(false, Map.of(), List.of(), null, e.getMessage());
        } catch (JedisDataException e) {
            return new Verdict(false, Map.of(), List.of(), "CONFIG GET refused (renamed or disabled?): "
                    + e.getMessage(), null);
        }
        List<String> missing = new ArrayList<>();
        if (!"yes".equals(settings.get("appendonly"))) {
            missing.add("appendonly yes (is " + settings.get("appendonly") + ")");
        }
        if (!FSYNC_OK.contains(String.valueOf(settings.get("appendfsync")))) {
            missing.add("appendfsync everysec or always (is " + settings.get("appendfsync") + ")");
        }
        if (!"noeviction".equals(settings.get("maxmemory-policy"))) {
            missing.add("maxmemory-policy noeviction (is " + settings.get("maxmemory-policy") + ")");
        }
        return new Verdict(missing.isEmpty(), settings, List.copyOf(missing), null, null);
    }

    private String message(Verdict v) {
        return v.unreadable() != null
                ? "the settings of Redis at " + where + " cannot be read: " + v.unreadable()
                : "Redis at " + where + " does not keep what it acknowledged: needs " + String.join(", ", v.missing());
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
