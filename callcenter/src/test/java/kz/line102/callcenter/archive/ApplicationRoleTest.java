package kz.line102.callcenter.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application as production runs it: migrations as the owner, the application
 * as a role that owns nothing and got its grants after the migration. It starts, keeps the
 * chain, and its own connections cannot switch the chain's guard off.
 */
@CallcenterTest
@DirtiesContext
class ApplicationRoleTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    // Roles are cluster-wide: one of this run's own, so parallel checkouts never share it.
    private static final String ROLE = "l102_app_ctx_" + Long.toHexString(ThreadLocalRandom.current().nextLong()
            & 0xffffffffffL);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ArchiveAuditLog audit;

    @DynamicPropertySource
    static void asTheApplicationRole(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create role " + ROLE + " login");
            // The owner's database must exist before a role that may not create one connects.
            if (!s.executeQuery("select 1 from pg_database where datname = '" + TestDatabase.name() + "'").next()) {
                s.execute("create database " + TestDatabase.name());
            }
        }
        registry.add("spring.datasource.username", () -> ROLE);
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.flyway.password", () -> "");
        registry.add("line102.database.app-role", () -> ROLE);
    }

    @AfterAll
    static void dropTheRole() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + TestDatabase.name(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + ROLE + "'");
            s.execute("drop owned by " + ROLE);
            s.execute("drop role " + ROLE);
        }
    }

    @Test
    void theApplicationRunsAsARoleThatOwnsNothingAndCannotTouchTheChainsGuard() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(ROLE);
        assertThat(jdbc.queryForObject("select count(*) from pg_class where relowner = (select oid from pg_roles"
                + " where rolname = current_user) and relpersistence <> 't'", Integer.class)).isZero();

        long id = audit.append("app-role-test", "search", null, null, "written by the application role");
        assertThat(audit.verify(id).intact()).isTrue();

        assertThatThrownBy(() -> jdbc.execute("alter table audit_log disable trigger audit_log_append_only"))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.update("update audit_log set detail = 'x' where id = ?", id))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_log")).rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void theApplicationRoleRemovesAnExpiredJournalYearOnlyThroughTheWatchPurge() {
        int year = 1900 + ThreadLocalRandom.current().nextInt(80);
        java.sql.Timestamp start = java.sql.Timestamp.from(java.time.LocalDate.of(year, 3, 1).atStartOfDay()
                .toInstant(java.time.ZoneOffset.ofHours(5)).plusSeconds(ThreadLocalRandom.current().nextInt(86_400) * 60L));
        long watch = jdbc.queryForObject("""
                insert into watches (starts_at, ends_at, shift_no) values (?, ?::timestamptz + interval '1 day', 1) returning id""",
                Long.class, start, start);
        long entry = jdbc.queryForObject("""
                insert into watch_entries (kind, year, number, watch_id, author, text) values ('notebook', ?, 1, ?, 'x', 'x')
                returning id""", Long.class, year, watch);
        assertThatThrownBy(() -> jdbc.update("delete from watch_entries where id = ?", entry)).rootCause()
                .hasMessageContaining("permission denied");
        java.sql.Timestamp expired = java.sql.Timestamp.valueOf((year + 6) + "-01-01 00:00:00");
        assertThat(jdbc.queryForObject("select entries from watch_purge_journal_year('notebook', ?, ?, false, false)",
                Integer.class, year, expired)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from watch_entries where id = ?", Integer.class, entry)).isZero();
        // The function checks the rule itself: a year under the shortest retention class stays.
        assertThatThrownBy(() -> jdbc.queryForList("select * from watch_purge_journal_year('notebook', ?, ?, false, false)",
                year, java.sql.Timestamp.valueOf((year + 1) + "-06-01 00:00:00"))).rootCause()
                .hasMessageContaining("under a year");
    }
}
