package kz.line102.callcenter.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
public class RedisConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOn("redisDurabilityCheck")
    UnifiedJedis redis(RedisProperties props) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .timeoutMillis(props.timeoutMillis())
                .blockingSocketTimeoutMillis(props.timeoutMillis() + 2000);
        if (props.password() != null && !props.password().isEmpty()) {
            config.password(props.password());
        }
        return RedisClient.builder().hostAndPort(new HostAndPort(props.host(), props.port()))
                .clientConfig(config.build()).build();
    }

    /** Checked before any bean uses Redis: a Redis that may lose acknowledged events stops the start (refuse mode). */
    @Bean(initMethod = "start", destroyMethod = "close")
    RedisDurabilityCheck redisDurabilityCheck(RedisProperties props, MeterRegistry meters) {
        RedisDurabilityCheck check = RedisDurabilityCheck.of(props);
        check.checkAtStartUp();
        Gauge.builder("line102.redis.durable", check, c -> c.last() != null && c.last().durable() ? 1 : 0)
                .description("1 while the shared Redis has appendonly yes, appendfsync everysec|always and "
                        + "maxmemory-policy noeviction").register(meters);
        return check;
    }

    /** Health contributor {@code redisServer} (the bean name {@code redis} is the client). */
    @Bean("redisServer")
    HealthIndicator redisHealth(UnifiedJedis redis) {
        return RedisHealth.ping(redis);
    }

    @Bean("redisDurability")
    HealthIndicator redisDurabilityHealth(RedisDurabilityCheck check) {
        return RedisHealth.durability(check);
    }

    @Bean
    RedisKeys redisKeys(RedisProperties props) {
        return new RedisKeys(props.keyPrefix());
    }
}
