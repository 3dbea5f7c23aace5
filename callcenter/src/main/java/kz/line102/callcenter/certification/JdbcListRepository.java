package kz.line102.callcenter.certification;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The lists, their items and notifications, and the cases' deadlines. Whatever touches every
 * employee of a list is one set-based statement, so a list of a whole force is no loop.
 */
@Repository
class JdbcListRepository {

    private static final String LIST = "select l.id, l.period_from, l.period_to, l.version, l.supersedes, l.drawn_by,"
            + " l.drawn_at, l.approved_by, l.approved_at, l.superseded_at,"
            + " (select count(*) from certification_list_items i where i.list_id = l.id),"
            + " (select count(*) from certification_list_items i where i.list_id = l.id"
            + "   and (i.meeting_on is null or i.commission_id is null))"
            + " from certification_lists l";
    private static final String ITEM = "select i.list_id, i.employee_id, e.personnel_no, e.full_name, i.due_on,"
            + " i.latest_on, i.due_reason, i.meeting_on, i.commission_id, n.notify_by, n.delivered_on"
            + " from certification_list_items i join certification_employees e on e.id = i.employee_id"
            + " left join certification_notifications n on n.list_id = i.list_id and n.employee_id = i.employee_id";

    private final JdbcTemplate jdbc;

    JdbcListRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CertificationList> list(long id) {
        return jdbc.query(LIST + " where l.id = ?", LISTS, id).stream().findFirst();
    }

    /** Locks the list's row for a change of it (two approvals, or an edit beside an approval). */
    void lock(long id) {
        jdbc.query("select id from certification_lists where id = ? for update", rs -> { }, id);
    }

    List<CertificationList> lists(int limit, int offset) {
        return jdbc.query(LIST + " order by l.period_from desc, l.version desc limit ? offset ?", LISTS, limit, offset);
    }

    Optional<CertificationList> latest(LocalDate periodFrom) {
        return jdbc.query(LIST + " where l.period_from = ? order by l.version desc limit 1", LISTS,
                Date.valueOf(periodFrom)).stream().findFirst();
    }

    long insertList(LocalDate from, LocalDate to, int version, Long supersedes, String by) {
        return jdbc.queryForObject("insert into certification_lists (period_from, period_to, version, supersedes,"
                + " drawn_by) values (?, ?, ?, ?, ?) returning id", Long.class, Date.valueOf(from), Date.valueOf(to),
                version, supersedes, by);
    }

    /** Everyone due before {@code to} (overdue included) as the daily pass last computed: one range of the due index. */
    int drawDue(long listId, LocalDate to) {
        return jdbc.update("insert into certification_list_items (list_id, employee_id, due_on, latest_on, due_reason)"
                + " select ?, id, due_on, latest_on, due_reason from certification_employees"
                + " where due_on < ? and due_status in ('UPCOMING', 'DUE', 'OVERDUE')", listId, Date.valueOf(to));
    }

    int copyItems(long fromList, long toList) {
        return jdbc.update("insert into certification_list_items (list_id, employee_id, due_on, latest_on, due_reason,"
                + " meeting_on, commission_id) select ?, employee_id, due_on, latest_on, due_reason, meeting_on,"
                + " commission_id from certification_list_items where list_id = ?", toList, fromList);
    }

    boolean addItem(long listId, Employee e) {
        return jdbc.update("insert into certification_list_items (list_id, employee_id, due_on, latest_on, due_reason)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing", listId, e.id(), date(e.dueOn()), date(e.latestOn()),
                e.dueReason()) == 1;
    }

    boolean removeItem(long listId, long employeeId) {
        return jdbc.update("delete from certification_list_items where list_id = ? and employee_id = ?", listId,
                employeeId) == 1;
    }

    /** Sets the meeting of the given employees, or of everyone without one when {@code employees} is null. */
    int setMeeting(long listId, LocalDate meeting, long commissionId, Collection<Long> employees) {
        if (employees == null) {
            return jdbc.update("update certification_list_items set meeting_on = ?, commission_id = ? where list_id = ?"
                    + " and (meeting_on is null or commission_id is null)", Date.valueOf(meeting), commissionId, listId);
        }
        return jdbc.update("update certification_list_items set meeting_on = ?, commission_id = ? where list_id = ?"
                + " and employee_id = any(?)", Date.valueOf(meeting), commissionId, listId,
                employees.toArray(Long[]::new));
    }

    List<ListItem> items(long listId, boolean withoutDateOnly, int limit, int offset) {
        return jdbc.query(ITEM + " where i.list_id = ?" + (withoutDateOnly
                ? " and (i.meeting_on is null or i.commission_id is null)" : "")
                + " order by i.due_on, i.employee_id limit ? offset ?", ITEMS, listId, limit, offset);
    }

    Optional<LocalDate> earliestMeeting(long listId) {
        return Optional.ofNullable(jdbc.queryForObject("select min(meeting_on) from certification_list_items"
                + " where list_id = ?", Date.class, listId)).map(Date::toLocalDate);
    }

    /** An employee whose meeting comes before the day the certification may first be held, if any. */
    Optional<ListItem> meetingBeforeDue(long listId) {
        return jdbc.query(ITEM + " where i.list_id = ? and i.meeting_on < i.due_on order by i.due_on limit 1", ITEMS,
                listId).stream().findFirst();
    }

    boolean approve(long listId, String by) {
        return jdbc.update("update certification_lists set approved_by = ?, approved_at = clock_timestamp()"
                + " where id = ? and approved_at is null", by, listId) == 1;
    }

    void supersede(long listId) {
        jdbc.update("update certification_lists set superseded_at = clock_timestamp() where id = ?"
                + " and superseded_at is null", listId);
    }

    /**
     * One written notice per employee of an approved list, due {@code notifyBefore} before the
     * meeting; a notice already handed over for the same meeting under the version superseded
     * stands.
     */
    int notify(long listId, Long superseded, Period notifyBefore) {
        return jdbc.update("insert into certification_notifications (list_id, employee_id, meeting_on, notify_by,"
                + " delivered_on, delivered_by)"
                + " select i.list_id, i.employee_id, i.meeting_on,"
                + "  (i.meeting_on - make_interval(years => ?, months => ?, days => ?))::date,"
                + "  o.delivered_on, o.delivered_by"
                + " from certification_list_items i left join certification_notifications o on o.list_id = ?"
                + "  and o.employee_id = i.employee_id and o.meeting_on = i.meeting_on"
                + " where i.list_id = ?", notifyBefore.getYears(), notifyBefore.getMonths(), notifyBefore.getDays(),
                superseded == null ? -1L : superseded, listId);
    }

    /** Flags each listed employee's due date with the approved meeting; those dropped by a new version lose it. */
    void flagEmployees(long listId, Long superseded) {
        if (superseded != null) {
            jdbc.update("update certification_employees set meeting_on = null, meeting_list_id = null"
                    + " where meeting_list_id = ?", superseded);
        }
        jdbc.update("update certification_employees e set meeting_on = i.meeting_on, meeting_list_id = i.list_id"
                + " from certification_list_items i where i.list_id = ? and e.id = i.employee_id", listId);
    }

    /**
     * Opens a case for each employee of the list who has none open (a re-certification when the
     * last decision was one), and moves the open ones to the approved meeting.
     */
    int openCases(long listId, String by) {
        jdbc.update("update certification_cases c set meeting_on = i.meeting_on from certification_list_items i"
                + " where i.list_id = ? and c.employee_id = i.employee_id and c.decided_on is null", listId);
        return jdbc.update("insert into certification_cases (employee_id, commission_id, kind, due_on, opened_by,"
                + " meeting_on)"
                + " select i.employee_id, i.commission_id,"
                + "  case when (select c.outcome from certification_cases c where c.employee_id = i.employee_id"
                + "   and c.decided_on is not null and c.cancelled_on is null order by c.decided_on desc, c.id desc"
                + "   limit 1) = 'RECERTIFY'"
                + "   then 'RECERTIFICATION' else 'FIRST' end,"
                + "  i.due_on, ?, i.meeting_on"
                + " from certification_list_items i where i.list_id = ? and not exists (select 1 from"
                + "  certification_cases c where c.employee_id = i.employee_id and c.decided_on is null)", by, listId);
    }

    /** The list's meeting dates: a handful, however many employees it has. */
    List<LocalDate> meetingDates(long listId) {
        return jdbc.queryForList("select distinct meeting_on from certification_list_items where list_id = ?"
                + " and meeting_on is not null order by meeting_on", Date.class, listId).stream()
                .map(Date::toLocalDate).toList();
    }

    /** Records the notices handed over; returns how many were still open. */
    int deliver(long listId, Collection<Long> employees, LocalDate on, String by) {
        return jdbc.update("update certification_notifications set delivered_on = ?, delivered_by = ?"
                + " where list_id = ? and employee_id = any(?) and delivered_on is null", Date.valueOf(on), by, listId,
                employees.toArray(Long[]::new));
    }

    /** The notice's day handed over marks the case's NOTIFICATION deadline done. */
    void notificationsToDeadlines(long listId) {
        jdbc.update("update certification_deadlines d set done_on = n.delivered_on, done_by = n.delivered_by"
                + " from certification_notifications n join certification_cases c on c.employee_id = n.employee_id"
                + "  and c.decided_on is null and c.meeting_on = n.meeting_on"
                + " where n.list_id = ? and n.delivered_on is not null and d.case_id = c.id"
                + " and d.kind = 'NOTIFICATION' and d.done_on is null", listId);
    }

    private static final RowMapper<CertificationList> LISTS = (rs, i) -> new CertificationList(rs.getLong(1),
            rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getInt(4), (Long) rs.getObject(5),
            rs.getString(6), instant(rs.getTimestamp(7)), rs.getString(8), instant(rs.getTimestamp(9)),
            instant(rs.getTimestamp(10)), CertificationList.state(instant(rs.getTimestamp(9)),
            instant(rs.getTimestamp(10))), rs.getLong(11), rs.getLong(12));

    private static final RowMapper<ListItem> ITEMS = (rs, i) -> new ListItem(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), local(rs, 5), local(rs, 6), rs.getString(7), local(rs, 8),
            (Long) rs.getObject(9), local(rs, 10), local(rs, 11));

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static LocalDate local(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
