package kz.line102.callcenter.operator;

import kz.line102.callcenter.operator.QueueSync;
import kz.line102.callcenter.operator.QueueReconciler;
import kz.line102.callcenter.operator.JdbcOperatorStateRepository;
import kz.line102.callcenter.operator.OperatorStateService;
import kz.line102.callcenter.operator.OperatorStateMirror;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.queue.QueueConfigService;
import kz.line102.callcenter.queue.QueueLoadFeed;
import kz.line102.callcenter.queue.QueueProperties;
import kz.line102.callcenter.queue.QueueSnapshots;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.QueueCommandException;
import kz.line102.cti.QueueControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wiring of operator states (ready, paused, wrap-up) and their reconciliation with the
 * PBX's queues. Without a bridge in this process, queue commands are refused as unavailable.
 */
@Configuration(proxyBeanMethods = false)
class OperatorStateConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OperatorStateConfiguration.class);

    @Bean
    OperatorStateMirror operatorStateMirror(UnifiedJedis redis, JsonMapper json, RedisKeys keys) {
        return new OperatorStateMirror(redis, json, keys);
    }

    @Bean
    JdbcOperatorStateRepository operatorStateRepository(JdbcTemplate jdbc) {
        return new JdbcOperatorStateRepository(jdbc);
    }

    @Bean
    OperatorStateService operatorStateService(JdbcOperatorStateRepository states, ObjectProvider<QueueControl> pbx,
                                              QueueConfigService config, UserService users, OperatorService operators,
                                              OperatorStateMirror mirror, QueueProperties props,
                                              PlatformTransactionManager tx, ObjectProvider<Clock> clock) {
        OperatorStateService service = new OperatorStateService(states, control(pbx), config, users, operators,
                mirror, props, new TransactionTemplate(tx), clock.getIfAvailable(Clock::systemUTC));
        config.onSaved(service::applyConfig);
        return service;
    }

    @Bean
    QueueReconciler queueReconciler(ObjectProvider<QueueControl> pbx, OperatorService operators, UserService users,
                                    JdbcOperatorStateRepository states, OperatorStateService service,
                                    OperatorStateMirror mirror, QueueLoadFeed load, QueueSnapshots snapshots,
                                    PlatformTransactionManager tx, MeterRegistry meters) {
        return new QueueReconciler(control(pbx), operators, users, states, service, mirror, load, snapshots,
                new TransactionTemplate(tx), meters);
    }

    @Bean(destroyMethod = "close")
    QueueSync queueSync(QueueReconciler reconciler, OperatorStateService states, QueueLoadFeed load,
                        ObjectProvider<QueueControl> pbx, QueueProperties props) {
        QueueSync sync = new QueueSync(reconciler, states, load);
        sync.start(control(pbx), props);
        return sync;
    }

    private static QueueControl control(ObjectProvider<QueueControl> pbx) {
        QueueControl control = pbx.getIfAvailable();
        return control != null ? control : Unavailable.INSTANCE;
    }

    /** A node without a bridge (line102.cti.enabled=false) cannot reach the PBX's queues. */
    enum Unavailable implements QueueControl {
        INSTANCE;

        @Override
        public void add(String queue, String iface, String memberName, int penalty) {
            throw none();
        }

        @Override
        public void remove(String queue, String iface) {
            throw none();
        }

        @Override
        public void pause(String queue, String iface, boolean paused, String reason) {
            throw none();
        }

        @Override
        public void penalty(String queue, String iface, int penalty) {
            throw none();
        }

        @Override
        public Status status() {
            throw none();
        }

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void onMemberChange(Runnable listener) {
            // Nothing to hear without a bridge.
        }

        @Override
        public void onLinkUp(Runnable listener) {
            log.info("no bridge in this process: operator states are not reconciled here");
        }

        private static QueueCommandException none() {
            return new QueueCommandException(QueueCommandException.Reason.PBX_UNAVAILABLE,
                    "this node has no bridge to the PBX (line102.cti.enabled=false)");
        }
    }

}
