package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import kz.line102.callcenter.app.IntakeDatabase;
import kz.line102.cti.CallId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Intake has connections of its own: with every connection of the main pool taken
 * (requests, jobs, a slow report), calls are still committed. Every connection of
 * both pools carries the statement and lock timeouts.
 */
class IntakePoolTest extends IntakeTestSupport {

    @Autowired
    DataSource dataSource;
    @Autowired
    IntakeDatabase intake;

    @Test
    void callsAreCommittedWhileTheMainPoolIsExhausted() throws SQLException {
        HikariDataSource main = (HikariDataSource) dataSource;
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < main.getMaximumPoolSize(); i++) {
                held.add(main.getConnection());
            }
            assertThat(main.getHikariPoolMXBean().getIdleConnections()).isZero();

            CallId call = newCall();
            answered(call, "+77012345678", Instant.now(), "1001", 2, 5).forEach(publisher::accept);
            await().atMost(Duration.ofSeconds(30)).until(() -> "answered".equals(intakeOutcome(call)));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void everyConnectionHasStatementAndLockTimeouts() throws SQLException {
        for (DataSource pool : List.of(dataSource, intake.dataSource())) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                assertThat(show(s, "statement_timeout")).isEqualTo("1min");
                assertThat(show(s, "lock_timeout")).isEqualTo("10s");
            }
        }
        assertThat(((HikariDataSource) intake.dataSource()).getPoolName()).isEqualTo("intake");
    }

    private String intakeOutcome(CallId call) {
        return intake.jdbc().query("select outcome from calls where id = ?::uuid",
                rs -> rs.next() ? rs.getString(1) : null, call.value());
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
