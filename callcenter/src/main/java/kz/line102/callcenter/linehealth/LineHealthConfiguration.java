package kz.line102.callcenter.linehealth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import kz.line102.callcenter.settings.VersionedSettings;
import kz.line102.cti.sip.OptionsProber;
import kz.line102.cti.sip.SipAgent;
import kz.line102.cti.sip.SipAgentConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The target set on every node; the SIP user agent and the probing on nodes with
 * {@code line-health.enabled}. The API and the page work everywhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LineHealthProperties.class)
class LineHealthConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "line102.callcenter.line-health.enabled", havingValue = "true",
            matchIfMissing = true)
    SipAgent lineHealthSipAgent(LineHealthProperties props) {
        LineHealthProperties.Sip s = props.sip();
        try {
            return SipAgent.start(new SipAgentConfig(s.bindAddress(), s.port(), s.maxInFlight(), s.stackThreads(),
                    s.userAgent()));
        } catch (IOException e) {
            throw new UncheckedIOException("line102.callcenter.line-health.sip: " + e.getMessage(), e);
        }
    }

    /** The target set (a versioned setting) in force on this node, applied to the target rows. */
    @Bean(destroyMethod = "close")
    TargetSetService lineHealthTargetSet(VersionedSettings settings, LineHealthProperties props, JdbcTargetSync sync,
                                         LineHealthAlarms alarms) {
        return new TargetSetService(settings, props, sync, alarms);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "line102.callcenter.line-health.enabled", havingValue = "true",
            matchIfMissing = true)
    ProbeScheduler lineHealthProbes(JdbcTargetRepository targets, SipAgent agent, LineHealthAlarms alarms,
                                    LineHealthMetrics metrics, LineHealthProperties props, Clock clock,
                                    TargetSetService targetSet) {
        ProbeScheduler probes = new ProbeScheduler(targets, new OptionsProber(agent, clock), alarms, metrics, props,
                clock);
        probes.beforeRefresh(targetSet::applyIfBehind);
        // A new version: this node's probes follow at once (added targets start, removed ones stop).
        targetSet.onApplied(probes::refresh);
        return probes;
    }
}
