package kz.line102.callcenter.settings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.line102.callcenter.app.JdbcAuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One setting's rows in {@code setting_versions} (append-only: a restore is a new version)
 * and {@code setting_audit} (every attempt to change it, refused ones included).
 */
class SettingStore<T> {

    /** First key of the advisory lock that serialises saves; the second is the setting's name hashed. */
    private static final int SAVE_LOCK = 0x5365_7474;
    private static final String COLUMNS = "version, payload::text, created_by, created_at, action, comment, "
            + "restored_from, changes::text";
    private static final TypeReference<List<String>> SENTENCES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final SettingSpec<T> spec;
    private final JdbcAuditTrail auditTrail;

    SettingStore(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate tx, SettingSpec<T> spec) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.spec = spec;
        this.auditTrail = new JdbcAuditTrail(jdbc, json, "setting_audit", "setting", spec.name);
    }

    Optional<SettingVersion<T>> latest() {
        return jdbc.query("select " + COLUMNS + " from setting_versions where setting = ? order by version desc "
                + "limit 1", this::version, spec.name).stream().findFirst();
    }

    int latestNumber() {
        Integer n = jdbc.queryForObject("select max(version) from setting_versions where setting = ?", Integer.class,
                spec.name);
        return n == null ? 0 : n;
    }

    Optional<SettingVersion<T>> find(int version) {
        return jdbc.query("select " + COLUMNS + " from setting_versions where setting = ? and version = ?",
                this::version, spec.name, version).stream().findFirst();
    }

    List<SettingVersion<T>> list(int limit) {
        return jdbc.query("select " + COLUMNS + " from setting_versions where setting = ? order by version desc "
                + "limit ?", this::version, spec.name, limit);
    }

    /**
     * Appends a version; serialised across nodes by an advisory lock so two saves cannot both
     * build on the same version. {@code base}, when given, must be the current one. A seed
     * ({@code initial}) where a version exists already (another node seeded first) returns that one.
     *
     * @param warnings what the version holds that is accepted but said out loud, kept in its audit entry
     */
    SettingVersion<T> append(T payload, String actor, String action, String comment, Integer restoredFrom,
                             Integer base, List<String> warnings) {
        return tx.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?, hashtext(?))", Object.class, SAVE_LOCK,
                    spec.name);
            Optional<SettingVersion<T>> current = latest();
            int currentNumber = current.map(SettingVersion::version).orElse(0);
            if (action.equals("initial") && current.isPresent()) {
                return current.get();
            }
            if (base != null && base != currentNumber) {
                throw new SettingVersionConflictException(spec, base, currentNumber);
            }
            List<String> changes = action.equals("initial") ? List.of("initial")
                    : spec.diff(current.map(SettingVersion::payload).orElse(spec.before), payload);
            int next = currentNumber + 1;
            jdbc.update("insert into setting_versions (setting, version, payload, created_by, action, comment, "
                            + "restored_from, changes) values (?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb)", spec.name, next,
                    json.writeValueAsString(payload), actor, action, comment, restoredFrom,
                    json.writeValueAsString(changes));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("comment", comment);
            detail.put("restoredFrom", restoredFrom);
            detail.put("changes", changes);
            if (!warnings.isEmpty()) {
                detail.put("warnings", warnings);
            }
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

    private SettingVersion<T> version(ResultSet rs, int row) throws SQLException {
        return new SettingVersion<>(rs.getInt(1), json.readValue(rs.getString(2), spec.type), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), (Integer) rs.getObject(7),
                json.readValue(rs.getString(8), SENTENCES), spec.payloadKey);
    }
}
