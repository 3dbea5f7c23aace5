package kz.line102.callcenter.call;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.HeuristicCompletionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells a store that is away (or overloaded) from an entry that cannot be stored. The
 * first must never be taken for bad data: the entry is kept and tried again once the
 * store answers. Anything not recognised here counts against the entry, which is only
 * set aside after several failures, so a missed kind of outage costs retries, not calls.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static boolean isInfrastructure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof TransactionTimedOutException || t instanceof HeuristicCompletionException
                    || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof IOException
                    || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && infrastructureState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's classes for a connection lost or refused (08), a serialization failure
     * or deadlock (40001, 40P01), resources exhausted (53), an administrator or a
     * statement timeout stopping the work (57), an I/O or system error (58), a lock not
     * available (55P03), and a replica that became read-only in a fail-over (25006).
     */
    private static boolean infrastructureState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("58")
                || state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("25006");
    }
}
