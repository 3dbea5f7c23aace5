package kz.line102.callcenter.install.preflight;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database roles: the application's own should not be a superuser (it could then alter the
 * append-only audit log it is meant to be unable to change), and Asterisk's {@code line102_pbx}
 * (V70) must exist and may only insert into its schema: a PBX login that can read or change
 * the tables could rewrite the logs the call records are checked against.
 */
final class DatabaseRoleCheck implements PreflightCheck {

    private static final String PBX_ROLE = "line102_pbx";

    private final JdbcTemplate jdbc;
    private final String schema;

    DatabaseRoleCheck(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public String id() {
        return "database-app-role";
    }

    @Override
    public List<Finding> run() {
        return List.of(appRole(), pbxRole());
    }

    private Finding appRole() {
        var row = jdbc.queryForMap("select current_user as name, rolsuper as super from pg_roles "
                + "where rolname = current_user");
        String name = String.valueOf(row.get("name"));
        return Boolean.TRUE.equals(row.get("super")) ? Finding.warn("database-app-role", "superuser", name)
                : Finding.ok("database-app-role", "ok", name);
    }

    private Finding pbxRole() {
        Integer exists = jdbc.queryForObject("select count(*) from pg_roles where rolname = ?", Integer.class,
                PBX_ROLE);
        if (exists == null || exists == 0) {
            return Finding.fail("database-pbx-role", "missing", PBX_ROLE);
        }
        List<String> tables = List.of("cel", "queue_log");
        List<String> noInsert = tables.stream().filter(t -> !has(t, "INSERT")).toList();
        if (!noInsert.isEmpty()) {
            return Finding.fail("database-pbx-role", "no-insert", PBX_ROLE, schema + "." + String.join(", "
                    + schema + ".", noInsert));
        }
        List<String> more = jdbc.queryForList("select distinct privilege_type || ' ' || table_schema || '.' || "
                + "table_name from information_schema.role_table_grants where grantee = ? "
                + "and privilege_type <> 'INSERT' order by 1", String.class, PBX_ROLE);
        Boolean superuser = jdbc.queryForObject("select rolsuper from pg_roles where rolname = ?", Boolean.class,
                PBX_ROLE);
        if (Boolean.TRUE.equals(superuser)) {
            return Finding.fail("database-pbx-role", "too-much", PBX_ROLE, "SUPERUSER");
        }
        if (!more.isEmpty()) {
            return Finding.fail("database-pbx-role", "too-much", PBX_ROLE, String.join(", ", more));
        }
        return Finding.ok("database-pbx-role", "ok", PBX_ROLE, schema);
    }

    private boolean has(String table, String privilege) {
        Boolean b = jdbc.queryForObject("select has_table_privilege(?, ?, ?)", Boolean.class, PBX_ROLE,
                schema + "." + table, privilege);
        return Boolean.TRUE.equals(b);
    }
}
