package kz.line102.callcenter.watch;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rosters of the shifts and the chief's break schedules; both only grow, the latest row counts. */
@Repository
class RosterStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RosterStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Member(int shift, String name, String post, String assignedBy, Instant assignedAt) {
    }

    record Breaks(List<String> breaks, String setBy, Instant setAt) {
    }

    /** Everyone on a shift now: their latest change is an assignment. */
    List<Member> members() {
        return jdbc.query("""
                select * from (select distinct on (shift_no, username) shift_no, username, post, action, changed_by, changed_at
                               from watch_roster_changes order by shift_no, username, id desc) latest
                where action = 'ASSIGN' order by shift_no, post nulls last, username""",
                (rs, i) -> new Member(rs.getInt("shift_no"), rs.getString("username"), rs.getString("post"),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()));
    }

    void change(int shift, String name, String post, String action, String by) {
        jdbc.update("insert into watch_roster_changes (shift_no, username, post, action, changed_by) values (?, ?, ?, ?, ?)",
                shift, name, post, action, by);
    }

    /** The schedule in force, or null while the chief has set none. */
    Breaks breaks() {
        List<Breaks> found = jdbc.query("select breaks, set_by, set_at from watch_break_schedules order by id desc limit 1",
                (rs, i) -> new Breaks(json.readValue(rs.getString(1), new TypeReference<List<String>>() {
                }), rs.getString(2), rs.getTimestamp(3).toInstant()));
        return found.isEmpty() ? null : found.get(0);
    }

    void setBreaks(List<String> breaks, String by) {
        jdbc.update("insert into watch_break_schedules (breaks, set_by) values (?::jsonb, ?)", json.writeValueAsString(breaks), by);
    }
}
