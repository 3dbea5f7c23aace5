package kz.line102.callcenter.app;

import java.util.Objects;

/**
 * Every Redis key and channel name of the application, under one prefix
 * ({@code line102.redis.key-prefix}, default {@code line102}): with the default the
 * names are those of earlier releases ({@code line102:callcenter:queue-status}); the
 * test suite sets a prefix of its own per run, so it never writes into the live keys
 * of a system sharing its Redis.
 */
public record RedisKeys(String prefix) {

    public RedisKeys {
        Objects.requireNonNull(prefix, "line102.redis.key-prefix");
        if (prefix.isBlank() || prefix.endsWith(":")) {
            throw new IllegalArgumentException("line102.redis.key-prefix must be a name without a trailing ':': '"
                    + prefix + "'");
        }
    }

    /** {@code <prefix>:<name>}, e.g. {@code key("callcenter:operator-states")}. */
    public String key(String name) {
        return prefix + ":" + name;
    }
}
