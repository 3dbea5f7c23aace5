package kz.line102.callcenter.queue;

import java.time.Clock;

import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.settings.VersionedSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** The queue feature's wiring: its configuration, the PBX's queue snapshots and the queue load. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
class QueueConfiguration {

    @Bean
    QueueConfigService queueConfigService(VersionedSettings settings, JsonMapper json,
                                          ObjectProvider<QueueReferences> references) {
        return new QueueConfigService(settings, QueueConfigService.bundledDefault(json), references);
    }

    @Bean
    QueueSnapshots queueSnapshots(UnifiedJedis redis, JsonMapper json, RedisKeys keys) {
        return new QueueSnapshots(redis, json, keys);
    }

    @Bean
    QueueLoadFeed queueLoadFeed(UnifiedJedis redis, QueueLoad.InMemory load, QueueConfigService config,
                                ObjectProvider<Clock> clock, RedisKeys keys) {
        return new QueueLoadFeed(redis, load, config, clock.getIfAvailable(Clock::systemUTC), keys);
    }
}
