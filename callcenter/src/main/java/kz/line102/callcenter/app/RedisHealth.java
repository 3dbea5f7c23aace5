package kz.line102.callcenter.app;

import kz.line102.callcenter.app.RedisProperties.Mode;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis in {@code /actuator/health}: {@code redisServer} (answers PING; part of
 * readiness) and {@code redisDurability}.
 */
final class RedisHealth {

    private RedisHealth() {
    }

    static HealthIndicator ping(UnifiedJedis redis) {
        return () -> {
            try {
                redis.ping();
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getMessage()).build();
            }
        };
    }

    /**
     * DOWN while a required setting is missing in {@code refuse} mode; UP with
     * {@code durable=false} and the missing settings in {@code warn} mode (a demo or test
     * Redis). Not part of readiness: every node shares the one Redis, and taking them all
     * out of service would not make it durable.
     */
    static HealthIndicator durability(RedisDurabilityCheck check) {
        return () -> {
            RedisDurabilityCheck.Verdict v = check.last();
            if (v == null || v.down() != null) {
                return Health.unknown().withDetail("reason", v == null ? "not checked yet" : v.down()).build();
            }
            Health.Builder b = v.durable() || check.decisive(v) == Mode.WARN ? Health.up() : Health.down();
            b.withDetail("durable", v.durable()).withDetail("settings", v.settings());
            if (!v.missing().isEmpty()) {
                b.withDetail("missing", v.missing());
            }
            if (v.unreadable() != null) {
                b.withDetail("unreadable", v.unreadable());
            }
            return b.withDetail("mode", check.decisive(v).name().toLowerCase()).build();
        };
    }
}
