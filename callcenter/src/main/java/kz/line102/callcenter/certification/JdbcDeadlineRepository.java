package kz.line102.callcenter.certification;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The cases' deadlines ({@code certification_deadlines}) and their meeting dates. */
@Repository
class JdbcDeadlineRepository {

    private final JdbcTemplate jdbc;

    JdbcDeadlineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long caseId, String kind, LocalDate dueOn, LocalDate doneOn, String doneBy) {
    }

    /** An overdue deadline as the personnel service sees it. */
    public record Overdue(long caseId, long employeeId, String personnelNo, String fullName, String kind,
                          LocalDate dueOn, LocalDate meetingOn) {
    }

    void setMeeting(long caseId, LocalDate meeting) {
        jdbc.update("update certification_cases set meeting_on = ? where id = ?", Date.valueOf(meeting), caseId);
    }

    /** Writes the deadlines of a case; a moved open one is flagged again if it runs over, a done one stays. */
    void upsert(long caseId, Map<PreparationCalendar.Kind, LocalDate> deadlines) {
        jdbc.batchUpdate("insert into certification_deadlines as d (case_id, kind, due_on) values (?, ?, ?)"
                + " on conflict (case_id, kind) do update set due_on = excluded.due_on, flagged_at = null"
                + " where d.done_on is null and d.due_on <> excluded.due_on", List.copyOf(deadlines.entrySet()),
                100, (ps, e) -> {
                    ps.setLong(1, caseId);
                    ps.setString(2, e.getKey().name());
                    ps.setDate(3, Date.valueOf(e.getValue()));
                });
    }

    /**
     * Writes the deadlines of every open case of the list's employees that meets on
     * {@code meeting}: the deadlines depend on the date alone, so a list of a whole force
     * is a few statements per meeting date, not one per case.
     */
    int upsertForList(long listId, LocalDate meeting, Map<PreparationCalendar.Kind, LocalDate> deadlines) {
        int n = 0;
        for (Map.Entry<PreparationCalendar.Kind, LocalDate> e : deadlines.entrySet()) {
            n += jdbc.update("insert into certification_deadlines as d (case_id, kind, due_on)"
                    + " select c.id, ?, ? from certification_list_items i join certification_cases c"
                    + "  on c.employee_id = i.employee_id and c.decided_on is null and c.meeting_on = i.meeting_on"
                    + " where i.list_id = ? and i.meeting_on = ?"
                    + " on conflict (case_id, kind) do update set due_on = excluded.due_on, flagged_at = null"
                    + " where d.done_on is null and d.due_on <> excluded.due_on", e.getKey().name(),
                    Date.valueOf(e.getValue()), listId, Date.valueOf(meeting));
        }
        return n;
    }

    boolean done(long caseId, PreparationCalendar.Kind kind, LocalDate on, String by) {
        return jdbc.update("update certification_deadlines set done_on = ?, done_by = ? where case_id = ? and kind = ?"
                + " and done_on is null", Date.valueOf(on), by, caseId, kind.name()) == 1;
    }

    List<Row> rows(long caseId) {
        return jdbc.query("select case_id, kind, due_on, done_on, done_by from certification_deadlines"
                + " where case_id = ? order by due_on, kind", (rs, i) -> new Row(rs.getLong(1), rs.getString(2),
                rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                rs.getString(5)), caseId);
    }

    /** Open deadlines past their day, earliest first: one range of the open-deadline index. */
    List<Overdue> overdue(LocalDate today, boolean unflaggedOnly, int limit, int offset) {
        return jdbc.query("select d.case_id, c.employee_id, e.personnel_no, e.full_name, d.kind, d.due_on, c.meeting_on"
                + " from certification_deadlines d join certification_cases c on c.id = d.case_id"
                + " join certification_employees e on e.id = c.employee_id"
                + " where d.done_on is null and d.due_on < ?" + (unflaggedOnly ? " and d.flagged_at is null" : "")
                + " order by d.due_on, d.case_id, d.kind limit ? offset ?", (rs, i) -> new Overdue(rs.getLong(1),
                rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(),
                rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate()), Date.valueOf(today), limit, offset);
    }

    void flagged(long caseId, String kind) {
        jdbc.update("update certification_deadlines set flagged_at = clock_timestamp() where case_id = ? and kind = ?",
                caseId, kind);
    }
}
