package kz.line102.callcenter.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

/**
 * V87 moves the routing rules' and the queue configuration's versions and audit into the
 * settings tables unchanged, on a scratch database of its own migrated to just before it.
 */
@CallcenterTest
class SettingsMigrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String username;
    @Value("${spring.datasource.password:}")
    String password;

    @Test
    void theRoutingRulesAndTheQueueConfigurationKeepTheirVersionsAndAuditInTheSettingsTables() {
        String scratch = "v87_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String scratchUrl = url.substring(0, url.lastIndexOf('/') + 1) + scratch;
        jdbc.execute("create database " + scratch);
        try {
            migrate(scratchUrl, justBefore(scratchUrl, "87"));
            JdbcTemplate old = new JdbcTemplate(new DriverManagerDataSource(scratchUrl, username, password));
            old.update("insert into routing_rule_sets (version, rule_set, created_by, action, comment, restored_from, "
                    + "changes) values (1, '{\"defaultQueue\": \"q102\"}', 'ivan', 'save', 'one', null, '[\"a\"]'), "
                    + "(2, '{\"defaultQueue\": \"q102-kk\"}', 'ivan', 'import', null, null, '[\"b\"]'), "
                    + "(3, '{\"defaultQueue\": \"q102\"}', 'aigerim', 'restore', 'back', 1, '[\"c\"]')");
            old.update("insert into routing_audit (actor, action, version, detail) values ('ivan', 'save', 1, '{}'), "
                    + "('ivan', 'rejected', null, '{\"violations\": [\"v\"]}'), ('aigerim', 'restore', 3, '{}')");
            old.update("insert into queue_config_versions (version, config, created_by, action, comment, restored_from,"
                    + " changes) values (1, '{\"queues\": []}', 'system', 'initial', 'default', null, '[\"initial\"]')");
            old.update("insert into queue_config_audit (actor, action, version, detail) values "
                    + "('system', 'initial', 1, '{}')");

            migrate(scratchUrl, "87");

            assertThat(old.queryForList("select setting, version, payload::text, created_by, action, comment, "
                    + "restored_from, changes::text from setting_versions order by setting, version")).containsExactly(
                    row("queue-config", 1, "{\"queues\": []}", "system", "initial", "default", null, "[\"initial\"]"),
                    row("routing-rules", 1, "{\"defaultQueue\": \"q102\"}", "ivan", "save", "one", null, "[\"a\"]"),
                    row("routing-rules", 2, "{\"defaultQueue\": \"q102-kk\"}", "ivan", "import", null, null,
                            "[\"b\"]"),
                    row("routing-rules", 3, "{\"defaultQueue\": \"q102\"}", "aigerim", "restore", "back", 1,
                            "[\"c\"]"));
            assertThat(old.queryForList("select setting, actor, action, version from setting_audit order by id"))
                    .extracting(r -> List.of(r.get("setting"), r.get("actor"), r.get("action"),
                            String.valueOf(r.get("version"))))
                    .containsExactly(List.of("routing-rules", "ivan", "save", "1"),
                            List.of("routing-rules", "ivan", "rejected", "null"),
                            List.of("routing-rules", "aigerim", "restore", "3"),
                            List.of("queue-config", "system", "initial", "1"));
            assertThat(old.queryForObject("select count(*) from pg_tables where tablename in ('routing_rule_sets', "
                    + "'routing_audit', 'queue_config_versions', 'queue_config_audit')", Integer.class)).isZero();
        } finally {
            jdbc.execute("drop database if exists " + scratch + " with (force)");
        }
    }

    /** The last migration before {@code version}, whatever numbers other changes have taken meanwhile. */
    private String justBefore(String scratchUrl, String version) {
        MigrationVersion v87 = MigrationVersion.fromVersion(version);
        return Arrays.stream(Flyway.configure().dataSource(scratchUrl, username, password)
                        .locations("classpath:db/migration").load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v.isNewerThan("0") && v87.isNewerThan(v.getVersion()))
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    private void migrate(String scratchUrl, String target) {
        Flyway.configure().dataSource(scratchUrl, username, password).locations("classpath:db/migration")
                .target(target).load().migrate();
    }

    private static Map<String, Object> row(String setting, int version, String payload, String by, String action,
                                           String comment, Integer restoredFrom, String changes) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("setting", setting);
        row.put("version", version);
        row.put("payload", payload);
        row.put("created_by", by);
        row.put("action", action);
        row.put("comment", comment);
        row.put("restored_from", restoredFrom);
        row.put("changes", changes);
        return row;
    }
}
