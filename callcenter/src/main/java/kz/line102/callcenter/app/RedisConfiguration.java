package kz.line102.callcenter.app;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
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

    @Bean
    RedisKeys redisKeys(RedisProperties props) {
        return new RedisKeys(props.keyPrefix());
    }
}
