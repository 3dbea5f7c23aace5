package kz.line102.callcenter.call;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.app.IntakeDatabase;
import kz.line102.callcenter.call.stream.RedisStreamComponent;
import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallIntakeProperties.class)
class CallConfiguration {

    /** On the intake pool: calls are committed even when the main pool is exhausted. */
    @Bean
    CallIntakeService callIntakeService(IntakeDatabase intake, CallRecordProjector projector, MeterRegistry meters,
                                        ObjectProvider<CallIntakeListener> listeners, CallOutbox outbox,
                                        JdbcIntakeFailures failures, CallIntakeHealth health,
                                        CallIntakeProperties props) {
        return new CallIntakeService(new JdbcCallRepository(intake.jdbc()), projector, intake.transactions(), meters,
                listeners.orderedStream().toList(), outbox, failures, health, props);
    }

    @Bean
    JdbcIntakeFailures jdbcIntakeFailures(IntakeDatabase intake) {
        return new JdbcIntakeFailures(intake.jdbc());
    }

    /** On the intake pool too: its jobs commit in the intake's own transaction. */
    @Bean
    CallOutbox callOutbox(IntakeDatabase intake, IncidentJobs jobs, ObjectProvider<CallHandoff> handoffs) {
        return new CallOutbox(intake.jdbc(), jobs, handoffs.orderedStream().toList());
    }

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
