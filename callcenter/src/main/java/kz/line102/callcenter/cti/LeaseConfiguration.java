package kz.line102.callcenter.cti;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** The once-per-cluster job leases, on every node (with or without a bridge). */
@Configuration(proxyBeanMethods = false)
class LeaseConfiguration {

    @Bean(destroyMethod = "close")
    Leases leases(UnifiedJedis redis, @Value("${line102.callcenter.intake.consumer-name:node}") String node,
                  kz.line102.callcenter.app.RedisKeys keys) {
        return new Leases(redis, node, keys);
    }
}
