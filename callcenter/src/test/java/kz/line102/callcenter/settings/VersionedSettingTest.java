package kz.line102.callcenter.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mechanism itself, on a setting of the test's own (a list of hosts, as line-health
 * targets would be): every test defines a fresh setting name, so versions start at 0.
 * Each {@link VersionedSettings} built here is a node of its own over the same stores.
 */
@CallcenterTest
class VersionedSettingTest {

    /** The test's setting: hosts to watch; a blank host is refused, a duplicate is only warned of. */
    record Hosts(List<String> hosts) {
    }

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

    private final List<VersionedSettings> nodes = new ArrayList<>();
    private final String name = "test-hosts-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stopNodes() {
        nodes.forEach(VersionedSettings::close);
    }

    private VersionedSettings node() {
        VersionedSettings node = new VersionedSettings(jdbc, json, tx, redis, redisProps, keys);
        nodes.add(node);
        return node;
    }

    /** A node that never hears Redis (its subscription is gone): only its poll brings changes. */
    private VersionedSettings deafNode() {
        VersionedSettings node = new VersionedSettings(jdbc, json, tx, redis, null, keys);
        nodes.add(node);
        return node;
    }

    private SettingSpec<Hosts> spec(Duration poll) {
        return SettingSpec.of(name, Hosts.class).described("test-hosts", "host list", "hosts")
                .validatedBy(h -> h.hosts().stream().filter(String::isBlank).map(x -> "a host is blank").toList())
                .warnedBy(h -> h.hosts().size() == h.hosts().stream().distinct().count() ? List.of()
                        : List.of("a host is listed twice"))
                .diffedBy((before, after) -> List.of(before.hosts().size() + " -> " + after.hosts().size() + " hosts"))
                .unsaved(new Hosts(List.of()), "no hosts yet").pollInterval(poll);
    }

    private static Hosts hosts(String... names) {
        return new Hosts(List.of(names));
    }

    @Test
    void beforeTheFirstSaveTheUnsavedDefaultIsInForceAsVersionZero() {
        VersionedSetting<Hosts> setting = node().define(spec(Duration.ofHours(1)));

        assertThat(setting.current().version()).isZero();
        assertThat(setting.current().comment()).isEqualTo("no hosts yet");
        assertThat(setting.payload()).isEqualTo(hosts());
        assertThat(setting.versions(10)).isEmpty();
    }

    @Test
    void aChangeMadeToAStaleVersionIsRefusedWith409AndNothingIsStored() {
        VersionedSetting<Hosts> setting = node().define(spec(Duration.ofHours(1)));
        SettingVersion<Hosts> first = setting.save(hosts("a"), "ivan", "save", "first", 0);
        setting.save(hosts("a", "b"), "aigerim", "save", "second", first.version());

        assertThatThrownBy(() -> setting.save(hosts("c"), "ivan", "save", "late", first.version()))
                .isInstanceOfSatisfying(SettingVersionConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.code()).isEqualTo("test-hosts-version-conflict");
                    assertThat(e.getMessage()).contains("made to version 1").contains("current version of the host "
                            + "list is 2");
                });
        assertThat(setting.versions(10)).extracting(SettingVersion::version).containsExactly(2, 1);
        assertThat(setting.payload()).isEqualTo(hosts("a", "b"));
    }

    @Test
    void aRestoreIsANewVersionNamingTheOneItBroughtBackAndHistoryIsKept() {
        VersionedSetting<Hosts> setting = node().define(spec(Duration.ofHours(1)));
        setting.save(hosts("a"), "ivan", "save", null, null);
        setting.save(hosts("a", "b", "c"), "ivan", "import", "imported", null);

        SettingVersion<Hosts> restored = setting.restore(1, "aigerim", "back to one host");

        assertThat(restored.version()).isEqualTo(3);
        assertThat(restored.restoredFrom()).isEqualTo(1);
        assertThat(restored.action()).isEqualTo("restore");
        assertThat(restored.payload()).isEqualTo(hosts("a"));
        assertThat(restored.changes()).containsExactly("3 -> 1 hosts");
        assertThat(setting.current()).isEqualTo(restored);
        assertThat(setting.version(2).payload()).isEqualTo(hosts("a", "b", "c"));
        assertThat(setting.version(2).action()).isEqualTo("import");
        assertThatThrownBy(() -> setting.restore(99, "aigerim", null))
                .isInstanceOfSatisfying(NoSuchSettingVersionException.class,
                        e -> assertThat(e.code()).isEqualTo("no-such-test-hosts-version"));
    }

    @Test
    void everyChangeAndEveryRefusalHasOneAuditEntryOfItsOwnSetting() {
        VersionedSetting<Hosts> setting = node().define(spec(Duration.ofHours(1)));
        setting.save(hosts("a", "a"), "ivan", "save", "twice", null);
        assertThatThrownBy(() -> setting.save(hosts("a", " "), "ivan", "save", null, null))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-test-hosts");
                    assertThat(e.violations()).containsExactly("a host is blank");
                    assertThat(e.properties()).isEqualTo(Map.of("violations", List.of("a host is blank")));
                });
        setting.restore(1, "aigerim", "again");

        List<Map<String, Object>> audit = setting.audit(10);

        assertThat(audit).extracting(e -> e.get("action")).containsExactly("restore", "rejected", "save");
        assertThat(audit).extracting(e -> e.get("actor")).containsExactly("aigerim", "ivan", "ivan");
        assertThat(audit).extracting(e -> e.get("version")).containsExactly(2, null, 1);
        assertThat(audit.get(0).get("detail")).isEqualTo(Map.of("comment", "again", "restoredFrom", 1,
                "changes", List.of("2 -> 2 hosts"), "warnings", List.of("a host is listed twice")));
        assertThat(audit.get(1).get("detail")).isEqualTo(Map.of("attempted", "save",
                "violations", List.of("a host is blank")));
        assertThat(setting.versions(10)).hasSize(2);
    }

    @Test
    void aSecondNodeHasTheChangeInForceWithinASecondWithoutPolling() {
        VersionedSetting<Hosts> here = node().define(spec(Duration.ofHours(1)));
        VersionedSetting<Hosts> there = node().define(spec(Duration.ofHours(1)));
        List<Integer> seenThere = new CopyOnWriteArrayList<>();
        there.onInForce(v -> seenThere.add(v.version()));
        await().atMost(Duration.ofSeconds(5)).until(() -> there.subscriptions() == 1);

        SettingVersion<Hosts> saved = here.save(hosts("a", "b"), "ivan", "save", null, null);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> there.current().version() == saved.version());
        assertThat(there.payload()).isEqualTo(hosts("a", "b"));
        assertThat(seenThere).containsExactly(saved.version());
    }

    @Test
    void aNodeThatMissedTheNotificationTakesTheChangeAtItsNextPoll() {
        VersionedSetting<Hosts> here = node().define(spec(Duration.ofHours(1)));
        VersionedSetting<Hosts> deaf = deafNode().define(spec(Duration.ofMillis(200)));

        SettingVersion<Hosts> saved = here.save(hosts("x"), "ivan", "save", null, null);

        assertThat(deaf.subscriptions()).isZero();
        await().atMost(Duration.ofSeconds(3)).until(() -> deaf.current().version() == saved.version());
    }

    @Test
    void aSeedIsWrittenOnceWhenTwoNodesStartOnAnEmptyStore() {
        SettingSpec<Hosts> seeded = spec(Duration.ofHours(1)).seededWith(hosts("default"), "the bundled default");
        VersionedSetting<Hosts> first = node().define(seeded);
        VersionedSetting<Hosts> second = node().define(seeded);

        assertThat(first.current().version()).isEqualTo(1);
        assertThat(second.current()).isEqualTo(first.current());
        assertThat(first.current().action()).isEqualTo("initial");
        assertThat(first.current().changes()).containsExactly("initial");
        assertThat(first.versions(10)).hasSize(1);
        assertThat(first.audit(10)).extracting(e -> e.get("action")).containsExactly("initial");
    }

    @Test
    void aVersionShowsTheSettingUnderItsOwnJsonName() {
        VersionedSetting<Hosts> setting = node().define(spec(Duration.ofHours(1)));
        SettingVersion<Hosts> saved = setting.save(hosts("a"), "ivan", "save", "why", null);

        Map<String, Object> shown = json.readValue(json.writeValueAsString(saved), new TypeReference<>() { });

        assertThat(shown.get("hosts")).isEqualTo(Map.of("hosts", List.of("a")));
        assertThat(shown.keySet()).containsExactlyInAnyOrder("version", "hosts", "createdBy", "createdAt", "action",
                "comment", "restoredFrom", "changes");
    }

    @Test
    void aSettingIsDefinedOncePerNodeAndAFixedOneRefusesChanges() {
        VersionedSettings node = node();
        node.define(spec(Duration.ofHours(1)));
        assertThatThrownBy(() -> node.define(spec(Duration.ofHours(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> node.define(SettingSpec.of(name + "-none", Hosts.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the first save");
        assertThatThrownBy(() -> SettingSpec.of("Bad Name", Hosts.class))
                .isInstanceOf(IllegalArgumentException.class);

        VersionedSetting<Hosts> fixed = VersionedSetting.fixed(spec(Duration.ofHours(1)), hosts("a"));
        assertThat(fixed.payload()).isEqualTo(hosts("a"));
        assertThatThrownBy(() -> fixed.save(hosts("b"), "ivan", "save", null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fixed");
    }
}
