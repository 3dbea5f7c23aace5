package kz.line102.callcenter.settings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a feature defines its versioned settings (one bean per node). A second instance
 * over the same stores is a second node, as the tests use it.
 */
public class VersionedSettings implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final UnifiedJedis redis;
    private final RedisProperties redisProps;
    private final RedisKeys keys;
    private final Map<String, VersionedSetting<?>> defined = new ConcurrentHashMap<>();

    /** @param redisProps null: no subscription, changes of other nodes arrive only by each setting's poll */
    public VersionedSettings(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager tx, UnifiedJedis redis,
                             RedisProperties redisProps, RedisKeys keys) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = new TransactionTemplate(tx);
        this.redis = redis;
        this.redisProps = redisProps;
        this.keys = keys;
    }

    /**
     * The setting {@code spec} describes, in force on this node from now on: seeded if the
     * spec says so and nothing is stored yet, and listening for other nodes' changes.
     *
     * @throws IllegalStateException when a setting of that name is defined already (two owners of one setting)
     */
    public <T> VersionedSetting<T> define(SettingSpec<T> spec) {
        spec.check();
        if (defined.containsKey(spec.name)) {
            throw new IllegalStateException("setting " + spec.name + " is defined twice");
        }
        String channel = spec.channel != null ? spec.channel
                : keys.key("callcenter:settings:" + spec.name + ":changes");
        SettingChanges changes = new SettingChanges(redis, redisProps, spec, channel);
        VersionedSetting<T> setting;
        try {
            setting = new VersionedSetting<>(spec, new SettingStore<>(jdbc, json, tx, spec), changes);
        } catch (RuntimeException e) {
            changes.close();
            throw e;
        }
        if (defined.putIfAbsent(spec.name, setting) != null) {
            setting.close();
            throw new IllegalStateException("setting " + spec.name + " is defined twice");
        }
        return setting;
    }

    /** Stops every setting defined here from hearing other nodes. */
    @Override
    public void close() {
        List.copyOf(defined.values()).forEach(VersionedSetting::close);
    }
}
