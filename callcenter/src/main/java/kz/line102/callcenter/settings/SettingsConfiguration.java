package kz.line102.callcenter.settings;

import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** The node's one {@link VersionedSettings}; closing the context stops every setting's subscription. */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean(destroyMethod = "close")
    VersionedSettings versionedSettings(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager tx,
                                        UnifiedJedis redis, RedisProperties redisProps, RedisKeys keys) {
        return new VersionedSettings(jdbc, json, tx, redis, redisProps, keys);
    }
}
