package kz.line102.callcenter.operator;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Workstations in PostgreSQL. */
@Repository
class JdbcWorkstationRepository {

    private final JdbcTemplate jdbc;

    JdbcWorkstationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Workstation> all() {
        return jdbc.query("select * from workstations order by name", ROW);
    }

    Optional<Workstation> byName(String name) {
        return jdbc.query("select * from workstations where name = ?", ROW, name).stream().findFirst();
    }

    /** Locks the row so two sign-ins at one desk are decided one after the other. */
    Optional<Workstation> lockByNameOrExtension(String name, String extension) {
        return jdbc.query("select * from workstations where name = ? or extension = ? order by id limit 1 for update",
                ROW, name, extension).stream().findFirst();
    }

    void insert(String name, String extension, String iface) {
        jdbc.update("insert into workstations (name, extension, interface) values (?, ?, ?)", name, extension, iface);
    }

    void update(String name, String extension, String iface, boolean enabled) {
        jdbc.update("""
                update workstations set extension = ?, interface = ?, enabled = ?, updated_at = clock_timestamp()
                where name = ?""", extension, iface, enabled, name);
    }

    private static final RowMapper<Workstation> ROW = (rs, n) -> new Workstation(rs.getLong("id"),
            rs.getString("name"), rs.getString("extension"), rs.getString("interface"), rs.getBoolean("enabled"));
}
