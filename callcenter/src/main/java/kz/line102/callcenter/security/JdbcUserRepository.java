package kz.line102.callcenter.security;

import java.sql.Array;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Users in PostgreSQL. */
@Repository
class JdbcUserRepository {

    private final JdbcTemplate jdbc;

    JdbcUserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored hash with the account, for sign-in only. */
    record Credentials(UserAccount account, String passwordHash) {
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.query("select * from users where username = ?",
                (rs, n) -> new Credentials(ROW.mapRow(rs, n), rs.getString("password_hash")), username)
                .stream().findFirst();
    }

    Optional<UserAccount> find(String username) {
        return jdbc.query("select * from users where username = ?", ROW, username).stream().findFirst();
    }

    List<UserAccount> all() {
        return jdbc.query("select * from users order by username", ROW);
    }

    /** @return false when the username is taken */
    boolean insert(String username, String displayName, String passwordHash, Set<Role> roles, boolean demo) {
        return jdbc.update("""
                insert into users (username, display_name, password_hash, roles, demo)
                values (?, ?, ?, ?::text[], ?) on conflict (username) do nothing""",
                username, displayName, passwordHash, roleArray(roles), demo) == 1;
    }

    void update(String username, String displayName, Set<Role> roles, boolean enabled) {
        jdbc.update("""
                update users set display_name = ?, roles = ?::text[], enabled = ?, updated_at = clock_timestamp()
                where username = ?""", displayName, roleArray(roles), enabled, username);
    }

    void updatePassword(String username, String passwordHash) {
        jdbc.update("update users set password_hash = ?, updated_at = clock_timestamp() where username = ?",
                passwordHash, username);
    }

    /** The language the user chose, empty when none (or no such user). */
    Optional<String> language(String username) {
        return jdbc.query("select language from users where username = ?", (rs, n) -> rs.getString(1), username)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** @return false when there is no such user */
    boolean saveLanguage(String username, String language) {
        return jdbc.update("update users set language = ? where username = ?", language, username) == 1;
    }

    /** Takes a lock that serialises changes that could leave the centre without an administrator. */
    void lockAdmins() {
        jdbc.queryForList("select id from users where 'ADMIN' = any(roles) order by id for update");
    }

    int enabledAdmins() {
        Integer n = jdbc.queryForObject("select count(*) from users where enabled and 'ADMIN' = any(roles)",
                Integer.class);
        return n == null ? 0 : n;
    }

    private static String roleArray(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
    }

    private static final RowMapper<UserAccount> ROW = (rs, n) -> new UserAccount(
            rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), roles(rs.getArray("roles")),
            rs.getBoolean("enabled"), rs.getBoolean("demo"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : (String[]) array.getArray()) {
            Role.parse(r).ifPresent(roles::add);
        }
        return roles;
    }

}
