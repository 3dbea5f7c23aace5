package kz.line102.callcenter.certification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The meeting that hears a case (attendance, questions, each member's vote), the employee's
 * signature of the certification sheet and the link of an employee to their user account.
 * Every meeting row is append-only (V114's triggers).
 */
@Repository
class JdbcMeetingRepository {

    private final JdbcTemplate jdbc;

    JdbcMeetingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Attendance(String username, String recordedBy, Instant recordedAt) {
    }

    record Question(int number, String askedBy, String question, String recordedBy, Instant recordedAt) {
    }

    record Vote(String username, String decision, Instant castAt) {
    }

    record Sheet(LocalDate signedOn, boolean late, String signedBy) {
    }

    /** Adds who is present; false for someone recorded already. */
    boolean present(long caseId, String username, String by) {
        return jdbc.update("insert into certification_attendance (case_id, username, recorded_by) values (?, ?, ?)"
                + " on conflict do nothing", caseId, username, by) == 1;
    }

    List<Attendance> attendance(long caseId) {
        return jdbc.query("select username, recorded_by, recorded_at from certification_attendance where case_id = ?"
                + " order by recorded_at, username", (rs, i) -> new Attendance(rs.getString(1), rs.getString(2),
                instant(rs.getTimestamp(3))), caseId);
    }

    /** Holds the case until the transaction ends: its questions are counted and numbered one at a time. */
    void lockCase(long caseId) {
        jdbc.query("select id from certification_cases where id = ? for update", (rs, i) -> rs.getLong(1), caseId);
    }

    /** Records the next question under the case's lock ({@link #lockCase}); its number. */
    int question(long caseId, String askedBy, String question, String by) {
        Integer next = jdbc.queryForObject("select coalesce(max(number), 0) + 1 from certification_questions"
                + " where case_id = ?", Integer.class, caseId);
        jdbc.update("insert into certification_questions (case_id, number, asked_by, question, recorded_by)"
                + " values (?, ?, ?, ?, ?)", caseId, next, askedBy, question, by);
        return next;
    }

    int questionCount(long caseId) {
        return jdbc.queryForObject("select count(*) from certification_questions where case_id = ?", Integer.class,
                caseId);
    }

    List<Question> questions(long caseId) {
        return jdbc.query("select number, asked_by, question, recorded_by, recorded_at from certification_questions"
                + " where case_id = ? order by number", (rs, i) -> new Question(rs.getInt(1), rs.getString(2),
                rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5))), caseId);
    }

    /** False when the member has voted already. */
    boolean vote(long caseId, String username, Decision decision) {
        return jdbc.update("insert into certification_votes (case_id, username, decision) values (?, ?, ?)"
                + " on conflict do nothing", caseId, username, decision.name()) == 1;
    }

    List<Vote> votes(long caseId) {
        return jdbc.query("select username, decision, cast_at from certification_votes where case_id = ?"
                + " order by cast_at, username", (rs, i) -> new Vote(rs.getString(1), rs.getString(2),
                instant(rs.getTimestamp(3))), caseId);
    }

    /** The user account linked to the employee, if any. */
    Optional<String> accountOf(long employeeId) {
        return jdbc.query("select username from certification_employees where id = ? and username is not null",
                (rs, i) -> rs.getString(1), employeeId).stream().findFirst();
    }

    /** The employee linked to the account, if any (one index lookup). */
    Optional<Long> employeeOf(String username) {
        return jdbc.query("select id from certification_employees where username = ?", (rs, i) -> rs.getLong(1),
                username).stream().findFirst();
    }

    /** Those of the names with no enabled user account: they cannot sign in to act on the commission. */
    List<String> withoutAccount(List<String> usernames) {
        return jdbc.queryForList("select m from unnest(?::text[]) m where not exists"
                + " (select 1 from users u where u.username = m and u.enabled) order by m", String.class,
                (Object) usernames.toArray(String[]::new));
    }

    /** Whether the centre has this user account (read only: the users are security's). */
    boolean accountExists(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from users where username = ?)",
                Boolean.class, username));
    }

    /**
     * Links (or with null unlinks) the employee's account. The caller has checked that no other
     * employee holds it; two links of one account at once meet the unique index, and the second fails.
     */
    void link(long employeeId, String username) {
        jdbc.update("update certification_employees set username = ?, version = version + 1 where id = ?", username,
                employeeId);
    }

    /** The cases of the employee a page at a time, newest first (index certification_cases_employee). */
    List<Long> caseIds(long employeeId, int limit, int offset) {
        return jdbc.query("select id from certification_cases where employee_id = ? order by opened_at desc, id desc"
                + " limit ? offset ?", (rs, i) -> rs.getLong(1), employeeId, limit, offset);
    }

    Optional<Sheet> sheet(long caseId) {
        return jdbc.query("select signed_on, late, signed_by from certification_sheet_signatures where case_id = ?",
                (rs, i) -> new Sheet(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)), caseId)
                .stream().findFirst();
    }

    /** False when the sheet was signed already. */
    boolean signSheet(long caseId, String by, LocalDate on, boolean late) {
        return jdbc.update("insert into certification_sheet_signatures (case_id, signed_by, signed_on, late)"
                + " values (?, ?, ?, ?) on conflict do nothing", caseId, by, on, late) == 1;
    }

    /** The cases before the commissions the user sits on, still open, by meeting (GIN index on members). */
    List<CommissionCase> openCasesOf(String username, int limit, int offset) {
        return jdbc.query("select c.id, c.commission_id, m.name, c.meeting_on, e.personnel_no, e.full_name,"
                + " m.chair = ? as chair, m.secretary = ? as secretary from certification_cases c"
                + " join certification_commissions m on m.id = c.commission_id"
                + " join certification_employees e on e.id = c.employee_id"
                + " where m.members @> array[?]::text[] and c.decided_on is null"
                + " order by c.meeting_on nulls last, c.id limit ? offset ?", COMMISSION_CASE, username, username,
                username, limit, offset);
    }

    record CommissionCase(long caseId, long commissionId, String commission, LocalDate meetingOn, String personnelNo,
                          String fullName, boolean chair, boolean secretary) {
    }

    private static final RowMapper<CommissionCase> COMMISSION_CASE = (rs, i) -> new CommissionCase(rs.getLong(1),
            rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6),
            rs.getBoolean(7), rs.getBoolean(8));

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
