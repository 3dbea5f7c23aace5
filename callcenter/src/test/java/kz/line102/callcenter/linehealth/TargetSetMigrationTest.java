package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

import kz.line102.callcenter.CallcenterTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * V107: an installation that kept its line-health targets one by one keeps them as the
 * first version of the target set (deleted ones left out), its rows marked as holding
 * that version (their state and history stay), and its old audit in the settings' audit;
 * on a scratch database of its own migrated to just before it.
 */
@CallcenterTest
class TargetSetMigrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String username;
    @Value("${spring.datasource.password:}")
    String password;

    @Test
    void theTargetsKeptOneByOneBecomeTheFirstVersionOfTheTargetSet() {
        String scratch = "v107_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String scratchUrl = url.substring(0, url.lastIndexOf('/') + 1) + scratch;
        jdbc.execute("create database " + scratch);
        try {
            migrate(scratchUrl, justBefore(scratchUrl, "107"));
            JdbcTemplate old = new JdbcTemplate(new DriverManagerDataSource(scratchUrl, username, password));
            old.update("insert into line_health_targets (name, host, port, transport, interval_ms, timeout_ms,"
                    + " expected_codes, enabled, state) values ('pbx', '10.0.0.5', 5060, 'udp', 2000, 1000, '{200,404}',"
                    + " true, 'up'), ('trunk-b', 'gw.example', 5061, 'tcp', 5000, 2000, '{200}', false, 'unknown')");
            old.update("insert into line_health_targets (name, host, port, transport, interval_ms, timeout_ms,"
                    + " deleted_at) values ('gone', '10.0.0.9', 5060, 'udp', 2000, 1000, now())");
            old.update("insert into line_health_audit (actor, action, version, detail) values"
                    + " ('ivan', 'create', 1, '{\"name\": \"pbx\"}')");

            migrate(scratchUrl, "107");

            JsonNode first = json.readTree(old.queryForObject("select payload::text from setting_versions"
                    + " where setting = 'line-health-targets' and version = 1", String.class));
            assertThat(first.get("targets")).hasSize(2);
            JsonNode pbx = first.get("targets").get(0);
            assertThat(pbx.get("name").asString()).isEqualTo("pbx");
            assertThat(pbx.get("expectedCodes").toString()).isEqualTo("[200,404]");
            assertThat(first.get("targets").get(1).get("enabled").asBoolean()).isFalse();
            assertThat(first.get("testCalls").isNull()).isTrue();
            TargetSet set = json.treeToValue(first, TargetSet.class);
            assertThat(set.target("trunk-b").orElseThrow().port()).isEqualTo(5061);
            assertThat(old.queryForList("select name, config_version, state from line_health_targets order by name"))
                    .extracting(r -> r.get("name") + ":" + r.get("config_version") + ":" + r.get("state"))
                    .containsExactly("gone:1:unknown", "pbx:1:up", "trunk-b:1:unknown");
            assertThat(old.queryForList("select actor, action from setting_audit where setting = 'line-health-targets'"
                    + " order by id")).extracting(r -> r.get("actor") + ":" + r.get("action"))
                    .containsExactly("ivan:create", "system:initial");
            assertThat(old.queryForObject("select count(*) from pg_tables where tablename = 'line_health_audit'",
                    Integer.class)).isZero();
        } finally {
            jdbc.execute("drop database if exists " + scratch + " with (force)");
        }
    }

    private String justBefore(String scratchUrl, String version) {
        MigrationVersion before = MigrationVersion.fromVersion(version);
        return Arrays.stream(Flyway.configure().dataSource(scratchUrl, username, password)
                        .locations("classpath:db/migration").load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v.isNewerThan("0") && before.isNewerThan(v.getVersion()))
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    private void migrate(String scratchUrl, String target) {
        Flyway.configure().dataSource(scratchUrl, username, password).locations("classpath:db/migration")
                .target(target).load().migrate();
    }
}
