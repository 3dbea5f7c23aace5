package kz.line102.callcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import kz.line102.callcenter.queue.QueueLoad;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import kz.line102.callcenter.settings.SettingVersion;
import kz.line102.callcenter.settings.VersionedSetting;
import kz.line102.callcenter.settings.VersionedSettings;
import kz.line102.callcenter.caller.PhoneNumbers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.cti.CallId;
import kz.line102.cti.agi.AgiCapture;
import kz.line102.cti.agi.AgiProperties;
import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.agi.FakeAsterisk;
import kz.line102.cti.agi.RouteDecision;
import kz.line102.cti.agi.RouteRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import redis.clients.jedis.UnifiedJedis;

/** A rule set saved on one node is in force on another within a second, through Redis, with no restart. */
class RoutingLiveReloadTest extends RoutingTestSupport {

    @Autowired
    UnifiedJedis redis;
    @Autowired
    RedisProperties redisProps;
    @Autowired
    RedisKeys keys;
    @Autowired
    PlatformTransactionManager tx;
    @Autowired
    RoutingProperties props;
    @Autowired
    AgiRoutingServer agi;

    private VersionedSettings otherSettings;
    private VersionedSetting<RuleSet> otherChanges;
    private RoutingService otherService;

    @AfterEach
    void stopOtherNode() {
        if (otherSettings != null) {
            otherSettings.close();
        }
        if (otherService != null) {
            otherService.close();
        }
    }

    /** A second node: its own decider and its own subscription, polling the database only hourly. */
    private RoutingService otherNode() {
        otherSettings = new VersionedSettings(jdbc, json, tx, redis, redisProps, keys);
        RoutingProperties hourly = new RoutingProperties(props.zone(), props.maxRules(), CHANNEL, Duration.ofHours(1),
                props.historyTimeout());
        otherChanges = otherSettings.define(RoutingService.ruleSets(hourly, () -> List.of("q102", "q102-kk")));
        RoutingService other = new RoutingService(otherChanges, new CallerHistory(jdbc), new QueueLoad.InMemory(),
                new PhoneNumbers(), hourly, Clock.systemUTC());
        otherService = other;
        return other;
    }

    @Test
    void aSavedRuleSetIsLiveOnTheOtherNodeWithinASecond() {
        RoutingService other = otherNode();
        await().atMost(Duration.ofSeconds(5)).until(() -> other.current().version() == routing.current().version());
        String number = randomMobile();
        RouteRequest call = new RouteRequest(CallId.derive("asterisk-1", "1795390568.0"), number, "ru", "from-pstn",
                "102");
        RuleSet rules = new RuleSet("q102", 0, List.of(Rules.rule("this-caller", Rules.prefixes(number), "q102-kk", 8)));

        SettingVersion<RuleSet> saved = routing.save(rules, "test", "save", "live reload", null);

        assertThat(routing.decide(call)).isEqualTo(new RouteDecision("q102-kk", 8, "rule:this-caller"));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                assertThat(other.decide(call)).isEqualTo(new RouteDecision("q102-kk", 8, "rule:this-caller")));
        assertThat(other.current().version()).isEqualTo(saved.version());

        routing.restore(saved.version() - 1, "test", "back");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                assertThat(other.decide(call).reason()).isNotEqualTo("rule:this-caller"));
    }

    /**
     * Asterisk may reach either node's FastAGI service (one per node behind the dialplan's
     * host list): both, asked at the same moment, answer from the same rules in force.
     */
    @Test
    void twoNodesAnsweringAgiAtTheSameTimeRouteAlike() throws Exception {
        RoutingService other = otherNode();
        String number = randomMobile();
        SettingVersion<RuleSet> saved = routing.save(new RuleSet("q102", 0,
                List.of(Rules.rule("both-nodes", Rules.prefixes(number), "q102-kk", 6))), "test", "save", null, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> other.current().version() == saved.version());
        AgiProperties agiProps = new AgiProperties("127.0.0.1", 0, "route102", "asterisk-1", "q102", 0,
                Duration.ofMillis(200), 16, Duration.ofSeconds(5), 4096);
        AgiCapture capture = AgiCapture.load("answered").with("agi_callerid", number)
                .with("agi_calleridname", number).with("agi_arg_1", number);
        ExecutorService asterisk = Executors.newFixedThreadPool(8);
        try (AgiRoutingServer otherAgi = new AgiRoutingServer(agiProps, other, new SimpleMeterRegistry()).start()) {
            List<Callable<List<String>>> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int port = i % 2 == 0 ? agi.port() : otherAgi.port();
                requests.add(() -> FakeAsterisk.play(port, capture).stream().map(FakeAsterisk::words)
                        .filter(w -> w.size() == 4 && w.get(0).equals("SET") && w.get(2).startsWith("ROUTE_"))
                        .map(w -> w.get(2) + "=" + w.get(3)).toList());
            }
            for (Future<List<String>> answer : asterisk.invokeAll(requests)) {
                assertThat(answer.get()).containsExactly("ROUTE_QUEUE=q102-kk", "ROUTE_PRIO=6",
                        "ROUTE_REASON=rule:both-nodes");
            }
        } finally {
            asterisk.shutdownNow();
        }
    }

    @Test
    void aQuietSubscriptionOutlivesTheRedisReadTimeoutAndStillHearsTheNextChange() {
        RoutingService other = otherNode();
        await().atMost(Duration.ofSeconds(5)).until(() -> other.current().version() == routing.current().version());
        int before = other.current().version();
        // Longer than the client's blocking read timeout (line102.redis.timeout-millis + 2 s): without the
        // keep-alive the subscription drops here and is re-made only after a back-off.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                .until(() -> other.current().version() == before && otherChanges.subscriptions() == 1);
        String number = randomMobile();
        SettingVersion<RuleSet> saved = routing.save(new RuleSet("q102", 0,
                List.of(Rules.rule("quiet", Rules.prefixes(number), "q102-kk", 3))), "test", "save", null, null);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> other.current().version() == saved.version());
    }
}
