package kz.line102.callcenter.pbxlog;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.call.CallIntakeService;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.cti.QueueControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The feature's wiring. The reconciler always exists (the sweeper asks it before closing
 * a call); its passes run by themselves when {@code enabled}. Without a bridge in this
 * process there is no AMI link to follow: passes then run at start and periodically only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PbxLogProperties.class)
class PbxLogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PbxLogConfiguration.class);

    @Bean
    PbxLogReconciler pbxLogReconciler(JdbcTemplate jdbc, CallIntakeService intake, JdbcCallRepository calls,
                                      PbxLogProperties props, ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new PbxLogReconciler(new JdbcPbxLogReader(jdbc, props.schema()), intake, calls, props,
                clock.getIfAvailable(Clock::systemUTC), meters);
    }

    @Bean(destroyMethod = "close")
    PbxLogSync pbxLogSync(PbxLogReconciler reconciler, PbxLogProperties props, ObjectProvider<QueueControl> pbx) {
        PbxLogSync sync = new PbxLogSync(reconciler);
        if (!props.enabled()) {
            log.info("line102.callcenter.pbxlog.enabled is false: the PBX's logs are read only when the sweeper asks");
            return sync;
        }
        sync.start(pbx.getIfAvailable(), props);
        return sync;
    }
}
