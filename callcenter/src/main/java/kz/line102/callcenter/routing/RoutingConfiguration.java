package kz.line102.callcenter.routing;

import kz.line102.callcenter.queue.QueueLoad;
import java.time.Clock;

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.queue.QueueConfigService;
import kz.line102.callcenter.settings.VersionedSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

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
    RoutingService routingService(VersionedSettings settings, JdbcTemplate jdbc, QueueLoad queueLoad,
                                  PhoneNumbers numbers, RoutingProperties props, QueueConfigService queues,
                                  ObjectProvider<Clock> clock) {
        return new RoutingService(settings.define(RoutingService.ruleSets(props, () -> queues.config().names())),
                new CallerHistory(jdbc), queueLoad, numbers, props, clock.getIfAvailable(Clock::systemUTC));
    }
}
