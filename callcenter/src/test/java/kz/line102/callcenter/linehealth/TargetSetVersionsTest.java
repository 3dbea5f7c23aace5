package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.settings.VersionedSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The targets and the test-call schedule as one versioned setting: saved whole against
 * the version read (a stale one 409), refused field by field in the user's language,
 * restored as a new version, and in force on a second node within a second.
 */
@CallcenterTest
class TargetSetVersionsTest {

    private static final String PATH = "/api/v1/line-health/target-set";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    PlatformTransactionManager tx;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    RedisProperties redisProps;
    @Autowired
    RedisKeys keys;
    @Autowired
    LineHealthProperties props;
    @Autowired
    LineHealthAlarms alarms;

    private Api api;
    private VersionedSettings otherNode;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "lh-set-admin", Role.ADMIN);
        Api.user(users, "lh-set-duty", Role.SUPERVISOR);
    }

    @AfterEach
    void stopOtherNode() {
        if (otherNode != null) {
            otherNode.close();
        }
    }

    private static String target(String name, int port, int intervalMs, int timeoutMs) {
        return """
                {"name":"%s","host":"127.0.0.1","port":%d,"transport":"udp","intervalMs":%d,"timeoutMs":%d,
                 "expectedCodes":[200],"failuresToDown":4,"successesToUp":3,"slowRttMs":300,"enabled":false}"""
                .formatted(name, port, intervalMs, timeoutMs);
    }

    private static String change(String targets, String schedule, Integer base) {
        return """
                {"targetSet":{"targets":[%s],"testCalls":%s},"comment":"test","baseVersion":%s}"""
                .formatted(targets, schedule, base);
    }

    private int current() {
        return api.get(PATH, "lh-set-duty").json().get("version").asInt();
    }

    @Test
    void aSetIsSavedAgainstItsVersionAStaleOneIsRefusedAndAnOldOneRestored() {
        String name = "set-" + UUID.randomUUID();
        int base = current();
        Response saved = api.json("PUT", PATH, "lh-set-admin", change(target(name, 5071, 2000, 500), """
                {"intervalSeconds":600,"from":"08:00","to":"20:00","eventsBudgetMs":5000,"callRecordBudgetMs":20000,
                 "routingBudgetMs":5000,"recordingBudgetMs":90000}""", base));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode v = saved.json();
        assertThat(v.get("version").asInt()).isEqualTo(base + 1);
        assertThat(v.get("targetSet").get("targets").toString()).contains(name, "\"failuresToDown\":4");
        assertThat(v.get("targetSet").get("testCalls").get("from").asString()).isEqualTo("08:00");
        assertThat(v.get("changes").toString()).contains("added target " + name);
        // Applied to the rows the probes read, with its own hysteresis.
        JsonNode row = null;
        for (JsonNode t : api.get("/api/v1/line-health/targets", "lh-set-duty").json()) {
            if (t.get("name").asString().equals(name)) {
                row = t;
            }
        }
        assertThat(row).as("applied to the rows the probes read").isNotNull();
        assertThat(row.get("port").asInt()).isEqualTo(5071);
        assertThat(row.get("failuresToDown").asInt()).isEqualTo(4);

        Response stale = api.json("PUT", PATH, "lh-set-admin", change(target(name, 5072, 2000, 500), "null", base));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("line-health-targets-version-conflict");

        Response restored = api.json("POST", PATH + "/versions/" + base + "/restore", "lh-set-admin", null);
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(restored.json().get("version").asInt()).isEqualTo(base + 2);
        assertThat(restored.json().get("restoredFrom").asInt()).isEqualTo(base);
        assertThat(restored.json().get("targetSet").toString()).doesNotContain(name);
        assertThat(api.get("/api/v1/line-health/targets", "lh-set-duty").body()).doesNotContain(name);

        String audit = api.get(PATH + "/audit?limit=20", "lh-set-admin").body();
        assertThat(audit).contains("\"action\":\"restore\"", "added target " + name);
        assertThat(api.json("PUT", PATH, "lh-set-duty", change("", "null", null)).status())
                .as("supervisors read, only IT staff change").isEqualTo(403);
    }

    @Test
    void anInvalidSetIsRefusedFieldByFieldInTheUsersLanguage() {
        String body = change(target("", 70000, 1000, 5000) + "," + target("dup", 5060, 1000, 500) + ","
                + target("dup", 5061, 1000, 500), """
                {"intervalSeconds":5,"from":"25:00","to":null,"eventsBudgetMs":null,"callRecordBudgetMs":1000,
                 "routingBudgetMs":1000,"recordingBudgetMs":1000}""", null);
        HttpRequest kk = HttpRequest.newBuilder(URI.create(api.base() + PATH))
                .PUT(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").header("Accept-Language", "kk")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("lh-set-admin:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        int before = current();
        Response r = api.send(kk);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("invalid-line-health-targets");
        String errors = r.json().get("errors").toString();
        assertThat(errors).contains("\"field\":\"targets[0].name\"", "\"field\":\"targets[0].port\"",
                "\"field\":\"targets[0].timeoutMs\"", "\"field\":\"targets[2].name\"",
                "\"field\":\"testCalls.intervalSeconds\"", "\"field\":\"testCalls.from\"",
                "\"field\":\"testCalls.eventsBudgetMs\"");
        assertThat(errors).contains("Тексеру интервалынан (1000 мс) аспауы керек.", "«dup» түйіні екі рет көрсетілген.",
                "Міндетті өріс.");
        assertThat(current()).as("nothing saved").isEqualTo(before);
        assertThat(api.get(PATH + "/audit?limit=5", "lh-set-admin").body()).contains("\"action\":\"rejected\"");

        Response check = api.json("POST", PATH + "/validate", "lh-set-admin",
                "{\"targets\":[" + target("ok-" + UUID.randomUUID(), 5060, 1000, 500) + "],\"testCalls\":null}");
        assertThat(check.json().get("violations").size()).isZero();
    }

    @Test
    void aVersionSavedOnOneNodeIsAppliedOnAnotherWithinASecond() {
        otherNode = new VersionedSettings(jdbc, json, tx, redis, redisProps, keys);
        TargetSetService other = new TargetSetService(otherNode, props, new JdbcTargetSync(jdbc, tx), alarms);
        AtomicInteger applied = new AtomicInteger();
        other.onApplied(applied::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> other.current().version() == current());
        String name = "node-" + UUID.randomUUID();

        Response saved = api.json("PUT", PATH, "lh-set-admin", change(target(name, 5073, 2000, 500), "null",
                current()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        int version = saved.json().get("version").asInt();

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> other.current().version() == version && applied.get() > 0);
        assertThat(other.current().payload().target(name)).isPresent();
        api.json("POST", PATH + "/versions/" + (version - 1) + "/restore", "lh-set-admin", null);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> other.current().payload().target(name).isEmpty());
        other.close();
    }
}
