package kz.line102.callcenter.watch;

import java.util.Map;

import kz.line102.callcenter.app.JdbcAuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code watch_audit} trail: every write of the watch module, refusals and confidential reads. */
@Component
class WatchAudit {

    private final JdbcAuditTrail trail;

    WatchAudit(JdbcTemplate jdbc, JsonMapper json) {
        this.trail = new JdbcAuditTrail(jdbc, json, "watch_audit");
    }

    void append(String actor, String action, Map<String, ?> detail) {
        trail.append(actor, action, null, detail);
    }
}
