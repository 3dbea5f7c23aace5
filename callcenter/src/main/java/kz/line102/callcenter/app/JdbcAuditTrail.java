package kz.line102.callcenter.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit table of a versioned configuration ({@code id, at, actor, action, version,
 * detail}): every attempt to change it, refused ones included, newest first when read.
 */
public final class JdbcAuditTrail {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String table;

    /** @param table the audit table's name, a constant of the caller's (never user input) */
    public JdbcAuditTrail(JdbcTemplate jdbc, JsonMapper json, String table) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = table;
    }

    public void append(String actor, String action, Integer version, Map<String, ?> detail) {
        jdbc.update("insert into " + table + " (actor, action, version, detail) values (?, ?, ?, ?::jsonb)", actor,
                action, version, json.writeValueAsString(detail));
    }

    public List<Map<String, Object>> read(int limit) {
        return jdbc.query("select id, at, actor, action, version, detail::text from " + table
                + " order by id desc limit ?", (rs, i) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", rs.getLong(1));
                    entry.put("at", rs.getTimestamp(2).toInstant());
                    entry.put("actor", rs.getString(3));
                    entry.put("action", rs.getString(4));
                    entry.put("version", rs.getObject(5));
                    entry.put("detail", json.readValue(rs.getString(6), Map.class));
                    return entry;
                }, limit);
    }
}
