package kz.line102.callcenter.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit table of a versioned configuration ({@code id, at, actor, action, version,
 * detail}): every attempt to change it, refused ones included, newest first when read.
 * A table shared by several configurations has a scope column naming which one an
 * entry is about; the trail then writes and reads only its own entries.
 */
public final class JdbcAuditTrail {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String table;
    private final String scopeColumn;
    private final String scope;

    /** @param table the audit table's name, a constant of the caller's (never user input) */
    public JdbcAuditTrail(JdbcTemplate jdbc, JsonMapper json, String table) {
        this(jdbc, json, table, null, null);
    }

    /**
     * A trail in a shared table: its entries are those whose {@code scopeColumn} (a constant of
     * the caller's) holds {@code scope}.
     */
    public JdbcAuditTrail(JdbcTemplate jdbc, JsonMapper json, String table, String scopeColumn, String scope) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = table;
        this.scopeColumn = scopeColumn;
        this.scope = scope;
    }

    public void append(String actor, String action, Integer version, Map<String, ?> detail) {
        String detailJson = json.writeValueAsString(detail);
        if (scopeColumn == null) {
            jdbc.update("insert into " + table + " (actor, action, version, detail) values (?, ?, ?, ?::jsonb)",
                    actor, action, version, detailJson);
        } else {
            jdbc.update("insert into " + table + " (" + scopeColumn + ", actor, action, version, detail) "
                    + "values (?, ?, ?, ?, ?::jsonb)", scope, actor, action, version, detailJson);
        }
    }

    public List<Map<String, Object>> read(int limit) {
        String where = scopeColumn == null ? "" : " where " + scopeColumn + " = ?";
        Object[] args = scopeColumn == null ? new Object[] {limit} : new Object[] {scope, limit};
        return jdbc.query("select id, at, actor, action, version, detail::text from " + table + where
                + " order by id desc limit ?", (rs, i) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", rs.getLong(1));
                    entry.put("at", rs.getTimestamp(2).toInstant());
                    entry.put("actor", rs.getString(3));
                    entry.put("action", rs.getString(4));
                    entry.put("version", rs.getObject(5));
                    entry.put("detail", json.readValue(rs.getString(6), Map.class));
                    return entry;
                }, args);
    }
}
