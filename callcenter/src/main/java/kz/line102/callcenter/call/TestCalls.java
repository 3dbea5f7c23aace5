package kz.line102.callcenter.call;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks a call record as a synthetic test call (line health places them through the same
 * path as 102), so the centre's lists and figures leave it out. The call table stays this
 * module's: others ask here.
 */
@Component
public class TestCalls {

    private final JdbcTemplate jdbc;

    TestCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void mark(UUID callId) {
        jdbc.update("update calls set test_call = true where id = ?", callId);
    }
}
