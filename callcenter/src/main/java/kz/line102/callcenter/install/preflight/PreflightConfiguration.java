package kz.line102.callcenter.install.preflight;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;

import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.ami.AmiConnector;
import kz.line102.recorder.RecorderProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.UnifiedJedis;

/** The preflight's checks, in the order they are reported, its health entry and its start-up run. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PreflightProperties.class)
class PreflightConfiguration {

    @Bean
    Preflight preflightRun(PreflightProperties props, ObjectProvider<AmiConnector> ami,
                        ObjectProvider<AgiRoutingServer> agi, Environment environment, JdbcTemplate jdbc,
                        UnifiedJedis redis, ObjectProvider<Clock> clockProvider) {
        return preflight(props, ami, agi, environment, jdbc, redis, clockProvider.getIfAvailable(Clock::systemUTC),
                false);
    }

    /**
     * Every check, for the running node and for the command line alike ({@code commandLine}: the
     * AMI login is the command's own, without events).
     */
    static Preflight preflight(PreflightProperties props, ObjectProvider<AmiConnector> ami,
                               ObjectProvider<AgiRoutingServer> agi, Environment environment, JdbcTemplate jdbc,
                               UnifiedJedis redis, Clock clock, boolean commandLine) {
        String pbxSchema = environment.getProperty("line102.callcenter.pbxlog.schema", "asterisk");
        List<PreflightCheck> checks = List.of(
                new AmiChecks(ami, commandLine),
                new DialplanGlobalsCheck(ami, agi, environment, props),
                new RecordingDirCheck(() -> spoolDir(environment), jdbc, props.recordingQuiet(), clock),
                new AriCredentialsCheck(() -> ari(environment)),
                new PbxLogCheck(jdbc, pbxSchema, props.logTolerance()),
                new RedisCheck(redis),
                new DatabaseRoleCheck(jdbc, pbxSchema),
                new ClockCheck(ami, jdbc, props.clockTolerance(), clock));
        return new Preflight(checks, new PreflightTexts(), clock);
    }

    @Bean("preflight")
    PreflightHealth preflightHealth(Preflight preflight) {
        return new PreflightHealth(preflight);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "line102.callcenter.preflight.on-start", havingValue = "true", matchIfMissing = true)
    PreflightStartup preflightStartup(Preflight preflight, PreflightProperties props,
                                      ObjectProvider<AmiConnector> ami) {
        return new PreflightStartup(preflight, ami, props.firstLinkWait(),
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "preflight");
                    t.setDaemon(true);
                    return t;
                }));
    }

    /** Where the recorder fetches recordings over ARI, or empty when it reads a spool directory. */
    private static Optional<AriCredentialsCheck.Target> ari(Environment environment) {
        return Binder.get(environment).bind("line102.recorder.ingest", RecorderProperties.Ingest.class)
                .map(Optional::of).orElse(Optional.empty())
                .filter(i -> i.source() == RecorderProperties.SourceKind.ARI && i.ari() != null)
                .map(i -> new AriCredentialsCheck.Target(i.ari().baseUrl(), i.ari().username(), i.ari().password(),
                        i.ari().timeout()));
    }

    /** The recorder's spool directory, or empty when it fetches recordings over ARI. */
    private static Optional<Path> spoolDir(Environment environment) {
        return Binder.get(environment).bind("line102.recorder.ingest", RecorderProperties.Ingest.class)
                .map(i -> i.source() == RecorderProperties.SourceKind.SPOOL ? i.spoolDir() : null)
                .map(Optional::ofNullable).orElse(Optional.empty());
    }
}
