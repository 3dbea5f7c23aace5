package kz.line102.callcenter.call;

import kz.line102.callcenter.call.stream.RedisStreamComponent;
import kz.line102.callcenter.caller.PhoneNumbers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallIntakeProperties.class)
class CallConfiguration {

    @Bean
    CallRecordProjector callRecordProjector(PhoneNumbers numbers) {
        return new CallRecordProjector(numbers);
    }

    /** Camel finds components by bean name: this one serves {@code redis-stream:} URIs. */
    @Bean("redis-stream")
    RedisStreamComponent redisStreamComponent(UnifiedJedis redis) {
        return new RedisStreamComponent(redis);
    }
}
