package kz.line102.callcenter.call;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failures of single stream entries that the store refused for a reason of their own
 * ({@code call_intake_failures}), counted per entry id across deliveries, nodes and
 * restarts; and setting such an entry aside in {@code call_event_rejects}.
 */
class JdbcIntakeFailures {

    private static final int MAX_ERROR = 2000;

    private final JdbcTemplate jdbc;

    JdbcIntakeFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more failure of the entry and returns how many it has had. */
    int count(String entryId, String error) {
        Integer n = jdbc.queryForObject("""
                insert into call_intake_failures (entry_id, failures, last_error) values (?, 1, ?)
                on conflict (entry_id) do update set failures = call_intake_failures.failures + 1,
                    last_error = excluded.last_error, last_failed_at = clock_timestamp()
                returning failures""", Integer.class, entryId, clip(error));
        return n == null ? 1 : n;
    }

    /** Keeps the entry with its reason among the rejects and forgets its failures. */
    void setAside(String entryId, String line, String reason) {
        jdbc.update("insert into call_event_rejects (stream_id, fields, reason) values (?, ?::jsonb, ?)", entryId,
                line, clip(reason));
        jdbc.update("delete from call_intake_failures where entry_id = ?", entryId);
    }

    /**
     * Forgets the failures of entries that have now been stored (a failure that went
     * away). Runs with every commit; the table is nearly always empty.
     */
    void forget(List<String> entryIds) {
        if (entryIds.isEmpty()) {
            return;
        }
        jdbc.update("delete from call_intake_failures where entry_id = any (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", entryIds.toArray())));
    }

    /** PostgreSQL text holds no NUL, and an error message may quote the entry that had one. */
    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\0', '\uFFFD');
        return clean.length() <= MAX_ERROR ? clean : clean.substring(0, MAX_ERROR);
    }
}
