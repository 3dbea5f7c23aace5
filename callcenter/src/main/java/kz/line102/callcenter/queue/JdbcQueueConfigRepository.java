package kz.line102.callcenter.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.JdbcAuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queue configuration versions ({@code queue_config_versions}, append-only) and the audit
 * of every attempt to change them ({@code queue_config_audit}).
 */
class JdbcQueueConfigRepository {

    private static final long SAVE_LOCK = 0x5175_6575_6573L;
    private static final String COLUMNS = "version, config::text, created_by, created_at, action, comment, "
            + "restored_from, changes::text";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final JdbcAuditTrail auditTrail;

    JdbcQueueConfigRepository(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.auditTrail = new JdbcAuditTrail(jdbc, json, "queue_config_audit");
    }

    Optional<QueueConfigVersion> latest() {
        return jdbc.query("select " + COLUMNS + " from queue_config_versions order by version desc limit 1",
                this::version).stream().findFirst();
    }

    Optional<QueueConfigVersion> find(int version) {
        return jdbc.query("select " + COLUMNS + " from queue_config_versions where version = ?", this::version,
                version).stream().findFirst();
    }

    List<QueueConfigVersion> list(int limit) {
        return jdbc.query("select " + COLUMNS + " from queue_config_versions order by version desc limit ?",
                this::version, limit);
    }

    /** Appends a version, serialised across nodes; {@code base}, when given, must be the current one. */
    QueueConfigVersion append(QueueConfig config, String actor, String action, String comment, Integer restoredFrom,
                              Integer base) {
        return tx.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, SAVE_LOCK);
            Optional<QueueConfigVersion> current = latest();
            int currentNumber = current.map(QueueConfigVersion::version).orElse(0);
            if (action.equals("initial") && currentNumber > 0) {
                return current.get();
            }
            if (base != null && base != currentNumber) {
                throw new ConflictException("queue-config-version-conflict", "the queue configuration is at version "
                        + currentNumber + ", not " + base + ": reload it and apply the change again");
            }
            List<String> changes = current.map(c -> diff(c.config(), config)).orElse(List.of("initial"));
            int next = currentNumber + 1;
            jdbc.update("insert into queue_config_versions (version, config, created_by, action, comment, "
                            + "restored_from, changes) values (?, ?::jsonb, ?, ?, ?, ?, ?::jsonb)", next,
                    json.writeValueAsString(config), actor, action, comment, restoredFrom,
                    json.writeValueAsString(changes));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("comment", comment);
            detail.put("restoredFrom", restoredFrom);
            detail.put("changes", changes);
            audit(actor, action, next, detail);
            return find(next).orElseThrow();
        });
    }

    void audit(String actor, String action, Integer version, Map<String, ?> detail) {
        auditTrail.append(actor, action, version, detail);
    }

    List<Map<String, Object>> auditTrail(int limit) {
        return auditTrail.read(limit);
    }

    /** One sentence per queue added, removed or changed. */
    static List<String> diff(QueueConfig before, QueueConfig after) {
        List<String> changes = new ArrayList<>();
        for (QueueConfig.Queue q : after.queues()) {
            Optional<QueueConfig.Queue> was = before.queue(q.name());
            if (was.isEmpty()) {
                changes.add("added queue " + q.name());
            } else if (!was.get().equals(q)) {
                changes.add("changed queue " + q.name());
            }
        }
        before.queues().stream().filter(q -> after.queue(q.name()).isEmpty())
                .forEach(q -> changes.add("removed queue " + q.name()));
        if (changes.isEmpty()) {
            changes.add("no change");
        }
        return changes;
    }

    private QueueConfigVersion version(ResultSet rs, int row) throws SQLException {
        return new QueueConfigVersion(rs.getInt(1), json.readValue(rs.getString(2), QueueConfig.class),
                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                (Integer) rs.getObject(7), json.readValue(rs.getString(8), new TypeReference<List<String>>() { }));
    }
}
