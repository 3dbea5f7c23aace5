package kz.line102.callcenter.install.preflight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Redis keeps the call event stream between the bridge and the intake: without the append-only
 * file a Redis restart loses what the intake had not yet taken, and an eviction policy other than
 * {@code noeviction} may drop the stream itself under memory pressure (DESIGN: "appendonly yes
 * and noeviction for the stream"). A managed Redis may refuse CONFIG: then we cannot tell.
 */
final class RedisCheck implements PreflightCheck {

    private final UnifiedJedis redis;

    RedisCheck(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public String id() {
        return "redis-persistence";
    }

    @Override
    public List<Finding> run() {
        Map<String, String> config;
        try {
            config = configGet("appendonly", "appendfsync", "maxmemory-policy");
        } catch (JedisConnectionException e) {
            // Not a refused CONFIG: no Redis at all, so no call event can be handed on.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return List.of(Finding.fail("redis-persistence", "unreachable", why),
                    Finding.skipped("redis-eviction", "refused"));
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return List.of(Finding.warn("redis-persistence", "refused", why),
                    Finding.skipped("redis-eviction", "refused"));
        }
        List<Finding> out = new ArrayList<>();
        String aof = config.getOrDefault("appendonly", "?");
        String fsync = config.getOrDefault("appendfsync", "?");
        if (!aof.equalsIgnoreCase("yes")) {
            out.add(Finding.fail("redis-persistence", "no-aof", aof));
        } else if (fsync.equalsIgnoreCase("no")) {
            out.add(Finding.warn("redis-persistence", "fsync-no", fsync));
        } else {
            out.add(Finding.ok("redis-persistence", "ok", fsync));
        }
        String policy = config.getOrDefault("maxmemory-policy", "?");
        out.add(policy.equalsIgnoreCase("noeviction") ? Finding.ok("redis-eviction", "ok", policy)
                : Finding.fail("redis-eviction", "evicts", policy));
        return out;
    }

    /** CONFIG GET of several parameters, as RESP2 (a flat list) or RESP3 (a map) answers it. */
    private Map<String, String> configGet(String... names) {
        Map<String, String> values = new HashMap<>();
        for (String name : names) {
            Object answer = redis.sendCommand(Protocol.Command.CONFIG, "GET", name);
            if (answer instanceof List<?> list) {
                for (int i = 0; i + 1 < list.size(); i += 2) {
                    values.put(text(list.get(i)).toLowerCase(Locale.ROOT), text(list.get(i + 1)));
                }
            } else if (answer instanceof Map<?, ?> map) {
                map.forEach((k, v) -> values.put(text(k).toLowerCase(Locale.ROOT), text(v)));
            }
        }
        return values;
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
