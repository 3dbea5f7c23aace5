package kz.line102.callcenter.install.preflight;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.callcenter.app.ClockConfiguration;
import kz.line102.callcenter.app.RedisProperties;
import kz.line102.callcenter.cti.CtiProperties;
import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.ami.AmiProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code java -jar callcenter.jar --preflight [--lang=ru|kk|en] [--key=value ...]} (or
 * {@code bin/line102 --preflight}): the same checks as {@code GET /api/v1/admin/preflight},
 * against the configured PBX, PostgreSQL and Redis, one line per finding on standard output,
 * then a summary. Exit 0 when nothing failed, 1 when a check failed or the command could not
 * start.
 *
 * <p>It runs in a small context of its own (no web server, no Camel, no call intake, no
 * migrations, no store wait) and logs in to AMI without events and without the lease
 * ({@link AmiConnector#commandsOnly}), so it can run beside a live node: it consumes no call
 * from the stream and takes no link over. The FastAGI port compared is the configured one (no
 * routing service runs here).
 */
public final class PreflightCommand {

    static final String FLAG = "--preflight";
    static final String LANG = "--lang=";

    private PreflightCommand() {
    }

    public static boolean wanted(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Locale language = language(args);
        PreflightTexts texts = new PreflightTexts();
        List<String> springArgs = Arrays.stream(args).filter(a -> !a.equals(FLAG) && !a.startsWith(LANG)).toList();
        try (ConfigurableApplicationContext ctx = context(springArgs)) {
            PreflightReport report = ctx.getBean(CommandContext.class).run();
            print(report, texts, language, out);
            return report.failed() ? 1 : 0;
        } catch (RuntimeException e) {
            // A configuration the node would refuse too (a bad key, a store that refuses the login).
            err.println(texts.text("preflight.command.failed", language, Preflight.describe(e)));
            return 1;
        }
    }

    /** {@code --lang=} when it names one of ours, else the JVM's locale when it is one of ours, else Russian. */
    static Locale language(String[] args) {
        for (String a : args) {
            if (a.startsWith(LANG)) {
                return PreflightTexts.language(a.substring(LANG.length()));
            }
        }
        return PreflightTexts.language(Locale.getDefault().toLanguageTag());
    }

    static void print(PreflightReport report, PreflightTexts texts, Locale language, PrintStream out) {
        String fixLabel = texts.text("preflight.command.fix", language);
        for (Finding f : report.findings()) {
            String fix = texts.fix(f, language);
            out.println(f.status().name() + " " + f.id() + ": " + texts.message(f, language)
                    + (fix == null ? "" : " " + fixLabel + " " + fix));
        }
        out.println(texts.text("preflight.command.summary", language, report.at().toString(),
                report.count(Finding.Status.OK), report.count(Finding.Status.WARN),
                report.count(Finding.Status.FAIL), report.count(Finding.Status.SKIPPED)));
        out.flush();
    }

    private static ConfigurableApplicationContext context(List<String> args) {
        // Above application.yml (whose defaults turn the store wait on), below the arguments: a
        // store that does not answer is a finding, not a reason to wait. In place before the
        // logging system starts, so the findings are not buried in INFO lines.
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("spring.flyway.enabled", "false");
        fixed.put("line102.startup.store-wait.enabled", "false");
        fixed.put("spring.datasource.hikari.connection-timeout", "5000");
        fixed.put("spring.datasource.hikari.initialization-fail-timeout", "-1");
        fixed.put("logging.level.root", "WARN");
        fixed.put("logging.level.kz.line102", "WARN");
        fixed.put("logging.level.org.asteriskjava", "WARN");
        // A check that cannot run is a finding with its cause; its stack trace would bury the others.
        fixed.put("logging.level.kz.line102.callcenter.install.preflight", "ERROR");
        // The node's readiness group names health contributors this small context does not have.
        fixed.put("management.endpoint.health.validate-group-membership", "false");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("preflight-command", fixed));
        return new SpringApplicationBuilder(CommandContext.class).environment(environment)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /**
     * Only what the checks read: the database, Redis, the AMI login, the clock. Deliberately not a
     * {@code @Configuration}: the application's component scan must not find it.
     */
    @EnableAutoConfiguration(excludeName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
    @EnableConfigurationProperties({PreflightProperties.class, CtiProperties.class, RedisProperties.class})
    @Import(ClockConfiguration.class)
    static class CommandContext {

        private final ObjectProvider<AmiConnector> ami;
        private final Preflight preflight;
        private final Duration firstLinkWait;

        CommandContext(ObjectProvider<AmiConnector> ami, ObjectProvider<AgiRoutingServer> agi,
                       PreflightProperties props, Environment environment, JdbcTemplate jdbc, UnifiedJedis redis,
                       Clock clock) {
            this.ami = ami;
            this.firstLinkWait = props.firstLinkWait();
            this.preflight = PreflightConfiguration.preflight(props, ami, agi, environment, jdbc, redis, clock, true);
        }

        /** Redis without the node's durability gate: the preflight reports persistence itself. */
        @Bean(destroyMethod = "close")
        static UnifiedJedis preflightRedis(RedisProperties props) {
            DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                    .timeoutMillis(props.timeoutMillis());
            if (props.password() != null && !props.password().isEmpty()) {
                config.password(props.password());
            }
            return RedisClient.builder().hostAndPort(new HostAndPort(props.host(), props.port()))
                    .clientConfig(config.build()).build();
        }

        /** Not started without a host: the AMI finding then fails as the node's link would stay down. */
        @Bean(destroyMethod = "close")
        @ConditionalOnProperty(name = "line102.cti.enabled", havingValue = "true", matchIfMissing = true)
        static AmiConnector preflightAmi(CtiProperties props, Clock clock) {
            AmiProperties ami = props.ami();
            AmiConnector connector = AmiConnector.commandsOnly(ami, new SimpleMeterRegistry(), clock);
            if (ami.configured()) {
                connector.start();
            }
            return connector;
        }

        PreflightReport run() {
            awaitFirstLogin();
            return preflight.run(false);
        }

        /** As at start-up: the AMI checks report the login's outcome rather than "connecting". */
        private void awaitFirstLogin() {
            AmiConnector connector = ami.getIfAvailable();
            if (connector == null) {
                return;
            }
            try {
                connector.awaitFirstOutcome(firstLinkWait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
