package kz.line102.callcenter.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import kz.line102.callcenter.app.JdbcAuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule set versions ({@code routing_rule_sets}, append-only: a restore is a new version)
 * and the audit trail of every attempt to change them ({@code routing_audit}), rejected
 * ones included.
 */
class JdbcRuleSetRepository {

    private static final long SAVE_LOCK = 0x5230_7574_6572L;
    private static final String COLUMNS = "version, rule_set::text, created_by, created_at, action, comment, "
            + "restored_from, changes::text";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final JdbcAuditTrail auditTrail;

    JdbcRuleSetRepository(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.auditTrail = new JdbcAuditTrail(jdbc, json, "routing_audit");
    }

    Optional<RuleSetVersion> latest() {
        return jdbc.query("select " + COLUMNS + " from routing_rule_sets order by version desc limit 1",
                this::version).stream().findFirst();
    }

    int latestNumber() {
        Integer n = jdbc.queryForObject("select max(version) from routing_rule_sets", Integer.class);
        return n == null ? 0 : n;
    }

    Optional<RuleSetVersion> find(int version) {
        return jdbc.query("select " + COLUMNS + " from routing_rule_sets where version = ?", this::version, version)
                .stream().findFirst();
    }

    List<RuleSetVersion> list(int limit) {
        return jdbc.query("select " + COLUMNS + " from routing_rule_sets order by version desc limit ?",
                this::version, limit);
    }

    /**
     * Appends a version; serialised across nodes by an advisory lock so two saves cannot
     * both build on the same version. {@code base}, when given, must be the current one.
     */
    RuleSetVersion append(RuleSet set, String actor, String action, String comment, Integer restoredFrom,
                          Integer base, BiFunction<RuleSet, RuleSet, List<String>> diff, RuleSet initial) {
        return append(set, actor, action, comment, restoredFrom, base, diff, initial, List.of());
    }

    /** {@code warnings}: partial overlaps the set holds, kept in the version's audit entry. */
    RuleSetVersion append(RuleSet set, String actor, String action, String comment, Integer restoredFrom,
                          Integer base, BiFunction<RuleSet, RuleSet, List<String>> diff, RuleSet initial,
                          List<String> warnings) {
        return tx.execute(status -> appendInTransaction(set, actor, action, comment, restoredFrom, base, diff,
                initial, warnings));
    }

    private RuleSetVersion appendInTransaction(RuleSet set, String actor, String action, String comment,
                                               Integer restoredFrom, Integer base,
                                               BiFunction<RuleSet, RuleSet, List<String>> diff, RuleSet initial,
                                               List<String> warnings) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, SAVE_LOCK);
        Optional<RuleSetVersion> current = latest();
        int currentNumber = current.map(RuleSetVersion::version).orElse(0);
        if (base != null && base != currentNumber) {
            throw new RuleSetVersionConflictException(base, currentNumber);
        }
        List<String> changes = diff.apply(current.map(RuleSetVersion::ruleSet).orElse(initial), set);
        int next = currentNumber + 1;
        jdbc.update("insert into routing_rule_sets (version, rule_set, created_by, action, comment, restored_from, "
                        + "changes) values (?, ?::jsonb, ?, ?, ?, ?, ?::jsonb)", next, json.writeValueAsString(set),
                actor, action, comment, restoredFrom, json.writeValueAsString(changes));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("comment", comment);
        detail.put("restoredFrom", restoredFrom);
        detail.put("changes", changes);
        if (!warnings.isEmpty()) {
            detail.put("warnings", warnings);
        }
        audit(actor, action, next, detail);
        return find(next).orElseThrow();
    }

    void audit(String actor, String action, Integer version, Map<String, ?> detail) {
        auditTrail.append(actor, action, version, detail);
    }

    List<Map<String, Object>> auditTrail(int limit) {
        return auditTrail.read(limit);
    }

    private RuleSetVersion version(ResultSet rs, int row) throws SQLException {
        return new RuleSetVersion(rs.getInt(1), json.readValue(rs.getString(2), RuleSet.class), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                (Integer) rs.getObject(7), json.readValue(rs.getString(8), new TypeReference<List<String>>() { }));
    }
}
