package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class StoreFailuresTest {

    @Test
    void anOutageOfTheStoreIsNeverTakenForBadData() {
        assertThat(StoreFailures.isInfrastructure(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool exhausted")))).isTrue();
        assertThat(StoreFailures.isInfrastructure(new TransactionSystemException("commit failed"))).isTrue();
        assertThat(StoreFailures.isInfrastructure(new CannotGetJdbcConnectionException("refused",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(StoreFailures.isInfrastructure(new QueryTimeoutException("statement timeout"))).isTrue();
        assertThat(StoreFailures.isInfrastructure(new PessimisticLockingFailureException("could not serialize")))
                .isTrue();
        assertThat(StoreFailures.isInfrastructure(new CannotAcquireLockException("lock timeout"))).isTrue();
        assertThat(StoreFailures.isInfrastructure(new UncategorizedSQLException("insert", "insert",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(StoreFailures.isInfrastructure(new UncategorizedSQLException("insert", "insert",
                new SQLException("cannot execute INSERT in a read-only transaction", "25006")))).isTrue();
        assertThat(StoreFailures.isInfrastructure(new IllegalStateException("wrapped",
                new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void anEntryTheStoreRefusesIsNotAnOutage() {
        assertThat(StoreFailures.isInfrastructure(new DataIntegrityViolationException("value out of range",
                new SQLException("value out of range", "22003")))).isFalse();
        assertThat(StoreFailures.isInfrastructure(new UncategorizedSQLException("insert", "insert",
                new SQLException("raised by a trigger", "P0001")))).isFalse();
        assertThat(StoreFailures.isInfrastructure(new IllegalStateException("projection failed"))).isFalse();
    }
}
