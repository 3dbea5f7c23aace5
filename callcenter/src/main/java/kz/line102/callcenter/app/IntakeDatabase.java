package kz.line102.callcenter.app;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connections reserved for call intake ({@code line102.database.intake-pool-size}),
 * a pool of their own beside the main one: a burst of requests, flow jobs or a slow
 * report can take every connection of the main pool, and calls must still be committed.
 * Deliberately not a {@code DataSource} bean, so nothing else picks it up by type.
 */
public record IntakeDatabase(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions)
        implements AutoCloseable {

    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool && "intake".equals(pool.getPoolName())) {
            pool.close();
        }
    }
}
