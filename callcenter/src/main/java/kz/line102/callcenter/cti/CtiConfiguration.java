package kz.line102.callcenter.cti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.cti.QueueControl;
import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.agi.RoutingDecider;
import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.ami.AmiProperties;
import kz.line102.cti.lease.Lease;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.stream.RedisStreamPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import redis.clients.jedis.UnifiedJedis;

/**
 * The bridge inside this process: AMI link → translator → Redis Stream publisher.
 * With no AMI host configured, under a demo profile a replay server plays captured
 * Asterisk calls on a loopback port and the link connects to it, so the pipeline runs
 * with no PBX; elsewhere the link stays down (not configured) and health says so. The
 * FastAGI routing service answers Asterisk's routing requests with the routing rules.
 * With several nodes one holds the PBX's AMI link under a lease in Redis; every time it
 * (re)connects and has resynced, {@link kz.line102.cti.ami.AmiLinkConnected} is published
 * as an application event ({@code @EventListener void on(AmiLinkConnected e)}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CtiProperties.class)
@ConditionalOnProperty(name = "line102.cti.enabled", havingValue = "true", matchIfMissing = true)
class CtiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CtiConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "close")
    RedisStreamPublisher callEventPublisher(UnifiedJedis redis, CtiProperties props, MeterRegistry meters,
                                            Environment env) {
        EventSpoolDirectory.check(props.stream().spoolDir(), env);
        return new RedisStreamPublisher(redis, props.stream(), meters);
    }

    /** Only when no Asterisk is configured, under a demo profile: the demo's source of calls. */
    @Bean(destroyMethod = "close")
    DemoReplay demoReplay(CtiProperties props, Environment env) {
        return DemoReplay.start(props, env);
    }

    /**
     * Under a lease only with a configured PBX: the demo's replay is this process's own,
     * so no other node could share it.
     */
    @Bean(destroyMethod = "close")
    AmiConnector amiConnector(CtiProperties props, DemoReplay replay, RedisStreamPublisher publisher,
                              MeterRegistry meters, ObjectProvider<Clock> clock, UnifiedJedis redis,
                              ApplicationEventPublisher events,
                              @Value("${line102.callcenter.intake.consumer-name:node}") String node,
                              kz.line102.callcenter.app.RedisKeys keys) {
        Lease lease = props.ami().configured() && props.link().leaseEnabled()
                ? Lease.redis(redis, keys.key("cti:lease:ami:" + props.ami().pbx()), node, props.link().leaseTtl())
                : null;
        AmiConnector connector = new AmiConnector(amiProperties(props, replay), publisher, meters,
                clock.getIfAvailable(Clock::systemUTC), lease);
        // Published as an application event off the link thread: listeners may take their time.
        connector.onLinkConnected(e -> LINK_EVENTS.execute(() -> events.publishEvent(e)));
        if (!props.ami().configured() && !replay.active()) {
            // Not started: health shows the link DOWN ("not configured") until a PBX is set.
            log.error("no PBX configured (line102.cti.ami.host is empty): the AMI link stays DOWN and no call is "
                    + "seen. Set the AMI host, or line102.cti.enabled=false on a node without a bridge");
            return connector;
        }
        connector.start();
        replay.startPlaying();
        return connector;
    }

    /** One thread for AmiLinkConnected listeners (the PBX-log reconciliation, queue members). */
    private static final java.util.concurrent.Executor LINK_EVENTS = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ami-link-events");
                t.setDaemon(true);
                return t;
            });

    /** Queue membership and pauses in the PBX, for operator states. */
    @Bean
    QueueControl queueControl(AmiConnector connector) {
        return connector.queueControl();
    }

    @Bean("ami")
    AmiLinkHealth amiLinkHealth(AmiConnector connector, CtiProperties props, DemoReplay replay) {
        return new AmiLinkHealth(connector, props.ami().configured() || replay.active());
    }

    /** Asterisk asks it, for every call, which queue and priority (see conf/asterisk/extensions.conf). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "line102.cti.agi.enabled", havingValue = "true", matchIfMissing = true)
    AgiRoutingServer agiRoutingServer(CtiProperties props, RoutingDecider decider, MeterRegistry meters,
                                      ApplicationEventPublisher events) {
        try {
            // Each answer as an application event: line health sees its test calls routed.
            return new AgiRoutingServer(props.agi(), decider, meters, events::publishEvent).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The configured link, or the demo's replay on loopback when no PBX is configured. */
    static AmiProperties amiProperties(CtiProperties props, DemoReplay replay) {
        AmiProperties a = props.ami();
        return a.configured() || !replay.active() ? a
                : a.withEndpoint("127.0.0.1", replay.port(), props.replay().username(), props.replay().secret());
    }
}
