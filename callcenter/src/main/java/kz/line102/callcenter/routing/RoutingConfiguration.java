package kz.line102.callcenter.routing;

import kz.line102.callcenter.queue.QueueLoad;
import java.time.Clock;

import kz.line102.callcenter.app.RedisProperties;
import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.queue.QueueConfigService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** The routing feature's wiring; the FastAGI server that uses it is wired with the bridge (cti). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingConfiguration {

    /** Fed by the queue feature from the shared waiting lists (queue.QueueLoadFeed). */
    @Bean
    QueueLoad.InMemory queueLoad() {
        return new QueueLoad.InMemory();
    }

    @Bean(destroyMethod = "close")
    RoutingChanges routingChanges(UnifiedJedis redis, RedisProperties redisProps, RoutingProperties props) {
        return new RoutingChanges(redis, redisProps, props.changesChannel(), props.pollInterval());
    }

    @Bean(destroyMethod = "close")
    RoutingService routingService(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager tx,
                                  QueueLoad queueLoad, PhoneNumbers numbers, RoutingChanges changes,
                                  RoutingProperties props, QueueConfigService queues, ObjectProvider<Clock> clock) {
        RoutingService service = new RoutingService(new JdbcRuleSetRepository(jdbc, json, new TransactionTemplate(tx)),
                new CallerHistory(jdbc), queueLoad, numbers, changes, props, () -> queues.config().names(),
                clock.getIfAvailable(Clock::systemUTC));
        changes.start(service::reloadIfNewer);
        return service;
    }
}
