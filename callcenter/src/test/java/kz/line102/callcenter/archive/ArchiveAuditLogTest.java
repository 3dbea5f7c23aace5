package kz.line102.callcenter.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database refuses to change audit_log; tampering by someone who gets past that
 * (here: the table's owner switching the trigger off) is found by the chain. Each test
 * puts the row back as it was, so the test database's chain stays intact.
 */
@CallcenterTest
class ArchiveAuditLogTest {

    @Autowired
    ArchiveAuditLog audit;
    @Autowired
    JdbcTemplate jdbc;

    /** What someone with the owner's rights could do: switch the guard off, tamper, switch it on. */
    private void tamper(Runnable change) {
        jdbc.execute("alter table audit_log disable trigger audit_log_append_only");
        try {
            change.run();
        } finally {
            jdbc.execute("alter table audit_log enable trigger audit_log_append_only");
        }
    }

    private void putBack(Map<String, Object> row) {
        jdbc.update("insert into audit_log (id, at, username, action, recording_id, request_id, detail, prev_hash,"
                + " hash, hash_alg) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("id"), row.get("at"),
                row.get("username"), row.get("action"), row.get("recording_id"), row.get("request_id"),
                row.get("detail"), row.get("prev_hash"), row.get("hash"), row.get("hash_alg"));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        long id = audit.append("chain-test", "search", null, null, "kept as written");
        assertThatThrownBy(() -> jdbc.update("update audit_log set detail = 'rewritten' where id = ?", id))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_log where id = ?", id))
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select detail from audit_log where id = ?", String.class, id))
                .isEqualTo("kept as written");
    }

    @Test
    void anUntouchedChainVerifies() {
        long first = audit.append("chain-test", "search", null, null, "one");
        audit.append("chain-test", "search", null, null, "two");
        assertThat(audit.verify(first).intact()).isTrue();
        assertThat(audit.verify(first).checked()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEditedRowIsDetected() {
        long first = audit.append("chain-test", "search", null, null, "before");
        long edited = audit.append("chain-test", "stream", null, null, "what was done");
        audit.append("chain-test", "search", null, null, "after");
        try {
            tamper(() -> jdbc.update("update audit_log set detail = 'something else' where id = ?", edited));
            ArchiveAuditLog.Verification v = audit.verify(first);
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(edited);
        } finally {
            tamper(() -> jdbc.update("update audit_log set detail = 'what was done' where id = ?", edited));
        }
        assertThat(audit.verify(first).intact()).isTrue();
    }

    @Test
    void aDeletedRowIsDetected() {
        long first = audit.append("chain-test", "search", null, null, "before");
        long deleted = audit.append("chain-test", "download", null, null, "the evidence");
        long next = audit.append("chain-test", "search", null, null, "after");
        Map<String, Object> row = jdbc.queryForMap("select * from audit_log where id = ?", deleted);
        try {
            tamper(() -> jdbc.update("delete from audit_log where id = ?", deleted));
            ArchiveAuditLog.Verification v = audit.verify(first);
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(next);
        } finally {
            putBack(row);
        }
        assertThat(audit.verify(first).intact()).isTrue();
    }

    @Test
    void removingTheNewestEntriesIsDetected() {
        long first = audit.append("chain-test", "search", null, null, "before");
        long newest = audit.append("chain-test", "download", null, null, "the last thing done");
        Map<String, Object> row = jdbc.queryForMap("select * from audit_log where id = ?", newest);
        try {
            tamper(() -> jdbc.update("delete from audit_log where id = ?", newest));
            ArchiveAuditLog.Verification v = audit.verify(first);
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(newest);
            assertThat(v.problem()).contains("newest entries are missing");
        } finally {
            putBack(row);
        }
        assertThat(audit.verify(first).intact()).isTrue();
    }
}
