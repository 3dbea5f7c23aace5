package kz.line102.callcenter.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit chain against its own database: the application's role (owns nothing) is
 * refused every way to change the log; the owner, who can, is caught by the keyed hashes
 * and by the head anchored outside the database.
 */
@CallcenterTest
class AuditOutlivesTheOwnerTest {

    @Autowired
    ArchiveAuditLog audit;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String url;

    @Test
    void theApplicationRoleCannotDisableTheGuardRewriteOrEmptyTheLog() throws SQLException {
        long id = audit.append("owner-test", "search", null, null, "kept");
        // Roles are cluster-wide: a name of this run's own, so parallel checkouts never meet.
        String role = "l102_app_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        jdbc.execute("create role " + role + " login");
        try {
            jdbc.queryForList("select line102_grant_app_role(?)", role);
            try (Connection app = DriverManager.getConnection(url, role, "")) {
                for (String forbidden : List.of(
                        "alter table audit_log disable trigger audit_log_append_only",
                        "alter table audit_log disable trigger all",
                        "update audit_log set detail = 'rewritten' where id = " + id,
                        "delete from audit_log where id = " + id,
                        "truncate audit_log",
                        "truncate security_audit",
                        "update security_audit set actor = 'nobody'",
                        "truncate users",
                        "drop table audit_log",
                        "create table line102_owned_by_app (id int)",
                        "delete from flyway_schema_history")) {
                    assertThatThrownBy(() -> exec(app, forbidden)).as(forbidden)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(forbidden)
                                    .isIn("42501", "P0001"));
                }
                // What the application does need still works.
                exec(app, "select count(*) from audit_log");
                exec(app, "select nextval('audit_log_id_seq')");
                exec(app, "update users set updated_at = updated_at where false");
                exec(app, "create temp table staging (n text)");
                exec(app, "select count(*) from asterisk.cel");
            }
            assertThat(jdbc.queryForObject("select detail from audit_log where id = ?", String.class, id))
                    .isEqualTo("kept");
        } finally {
            jdbc.execute("drop owned by " + role);
            jdbc.execute("drop role " + role);
        }
    }

    @Test
    void theGrantsAreRefusedToASuperuserOrTheOwnerItself() {
        assertThatThrownBy(() -> jdbc.queryForList("select line102_grant_app_role(current_user::text)"))
                .hasMessageContaining("must not be");
        assertThatThrownBy(() -> jdbc.queryForList("select line102_grant_app_role('no_such_role_102')"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void entriesAreKeyedAndACheckpointCarriesTheSignedHead() throws Exception {
        long id = audit.append("owner-test", "search", null, null, "keyed");
        assertThat(jdbc.queryForObject("select hash_alg from audit_log where id = ?", String.class, id))
                .isEqualTo(ArchiveAuditLog.KEYED);
        Path file = checkpoints.write().orElseThrow();
        assertThat(Files.readString(file)).contains("\"lastId\":" + audit.head().id()).contains("signature");
        ArchiveAuditLog.Verification v = audit.verify(id);
        assertThat(v.intact()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.anchors()).isGreaterThanOrEqualTo(1);

        // A forged checkpoint (someone's own head, without the key) is itself reported.
        Path forged = file.resolveSibling("audit-head-2099-01-01-" + id + ".json");
        Files.writeString(forged, Files.readString(file).replaceAll("\"lastHash\":\"[0-9a-f]+\"",
                "\"lastHash\":\"" + "0".repeat(64) + "\""));
        try {
            assertThat(audit.verify(id).problem()).contains("signature");
        } finally {
            Files.delete(forged);
        }
    }

    @Test
    void theOwnerWhoCutsTheNewestEntriesAndMendsTheHeadIsFoundByTheAnchor() {
        long first = audit.append("owner-test", "search", null, null, "before");
        long evidence = audit.append("owner-test", "download", null, null, "the evidence");
        checkpoints.write().orElseThrow();
        Map<String, Object> row = jdbc.queryForMap("select * from audit_log where id = ?", evidence);
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_log_head");
        try {
            // The owner removes the entry and makes the head row point at the one before: the
            // chain in the database is whole again.
            asOwner(() -> {
                jdbc.update("delete from audit_log where id = ?", evidence);
                jdbc.update("update audit_log_head set last_id = ?, last_hash = (select hash from audit_log where id = ?)",
                        first, first);
            });
            ArchiveAuditLog.Verification v = audit.verify(first);
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(evidence);
            assertThat(v.problem()).contains("missing from the log");
        } finally {
            asOwner(() -> {
                jdbc.update("insert into audit_log (id, at, username, action, recording_id, request_id, detail,"
                        + " prev_hash, hash, hash_alg) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("id"),
                        row.get("at"), row.get("username"), row.get("action"), row.get("recording_id"),
                        row.get("request_id"), row.get("detail"), row.get("prev_hash"), row.get("hash"),
                        row.get("hash_alg"));
                jdbc.update("update audit_log_head set last_id = ?, last_hash = ?", head.get("last_id"),
                        head.get("last_hash"));
            });
        }
        assertThat(audit.verify(first).intact()).isTrue();
    }

    @Test
    void theOwnerWhoRewritesAndRechainsWithoutTheKeyIsFound() {
        long first = audit.append("owner-test", "search", null, null, "before");
        long edited = audit.append("owner-test", "stream", null, null, "what was done");
        checkpoints.write().orElseThrow();
        Map<String, Object> row = jdbc.queryForMap("select * from audit_log where id = ?", edited);
        try {
            // Everything the owner can do without the key: rewrite, re-hash as the code did
            // before the key (plain SHA-256), mark it so, and move the head along.
            ArchiveAuditLog.Entry e = new ArchiveAuditLog.Entry(edited,
                    ((java.sql.Timestamp) row.get("at")).toInstant(), "owner-test", "stream", null, null,
                    "nothing happened", (String) row.get("prev_hash"), null);
            String rehashed = ArchiveAuditLog.hash(e, null);
            asOwner(() -> {
                jdbc.update("update audit_log set detail = ?, hash = ?, hash_alg = 'sha256' where id = ?",
                        e.detail(), rehashed, edited);
                jdbc.update("update audit_log_head set last_hash = ? where last_id = ?", rehashed, edited);
            });
            ArchiveAuditLog.Verification v = audit.verify(first);
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(edited);
        } finally {
            asOwner(() -> {
                jdbc.update("update audit_log set detail = ?, hash = ?, hash_alg = ? where id = ?", row.get("detail"),
                        row.get("hash"), row.get("hash_alg"), edited);
                jdbc.update("update audit_log_head set last_hash = ? where last_id = ?", row.get("hash"), edited);
            });
        }
        assertThat(audit.verify(first).intact()).isTrue();
    }

    /** What only the tables' owner can do: switch the guard off, change, switch it on. */
    private void asOwner(Runnable change) {
        jdbc.execute("alter table audit_log disable trigger audit_log_append_only");
        try {
            change.run();
        } finally {
            jdbc.execute("alter table audit_log enable trigger audit_log_append_only");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
