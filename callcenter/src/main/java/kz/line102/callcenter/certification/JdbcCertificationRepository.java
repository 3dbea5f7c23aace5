package kz.line102.callcenter.certification;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The certification tables; only this module writes them. */
@Repository
class JdbcCertificationRepository {

    private static final String EMPLOYEE = "select id, personnel_no, full_name, version, due_status, due_on, latest_on,"
            + " due_reason, meeting_on from certification_employees";
    private static final String CASE = "select id, employee_id, commission_id, kind, due_on, opened_at, opened_by,"
            + " decided_on, outcome, meeting_on, cancelled_on from certification_cases";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcCertificationRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insertEmployee(String personnelNo, String fullName) {
        try {
            return jdbc.queryForObject("insert into certification_employees (personnel_no, full_name) values (?, ?)"
                    + " returning id", Long.class, personnelNo, fullName);
        } catch (DuplicateKeyException e) {
            throw CertificationProblem.conflict(ProblemCodes.EMPLOYEE_EXISTS, "an employee with personnel number "
                    + personnelNo + " is already listed");
        }
    }

    Optional<Employee> employee(long id) {
        return jdbc.query(EMPLOYEE + " where id = ?", EMPLOYEES, id).stream().findFirst();
    }

    List<Employee> employees(int limit, int offset) {
        return jdbc.query(EMPLOYEE + " order by id limit ? offset ?", EMPLOYEES, limit, offset);
    }

    /** Ids after {@code afterId}, for the daily pass to walk the whole force in pages. */
    List<Long> employeeIds(long afterId, int limit) {
        return jdbc.queryForList("select id from certification_employees where id > ? order by id limit ?",
                Long.class, afterId, limit);
    }

    /** Who is due by {@code until} (overdue included), earliest first; one range scan of the due index. */
    List<Employee> dueBy(LocalDate until, int limit, int offset) {
        return jdbc.query(EMPLOYEE + " where due_on <= ? and due_status in ('UPCOMING', 'DUE', 'OVERDUE')"
                + " order by due_on, id limit ? offset ?", EMPLOYEES, Date.valueOf(until), limit, offset);
    }

    void replacePostings(long employeeId, List<Posting> postings) {
        jdbc.update("delete from certification_postings where employee_id = ?", employeeId);
        jdbc.batchUpdate("insert into certification_postings (employee_id, kind, start_on, end_on, post, rank,"
                + " equivalent, head, employed_elsewhere_before) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", postings, 100,
                (ps, p) -> {
                    ps.setLong(1, employeeId);
                    ps.setString(2, p.kind().name());
                    ps.setDate(3, Date.valueOf(p.start()));
                    ps.setDate(4, p.end() == null ? null : Date.valueOf(p.end()));
                    ps.setString(5, p.post());
                    ps.setInt(6, p.rank());
                    ps.setBoolean(7, p.equivalent());
                    ps.setBoolean(8, p.head());
                    ps.setBoolean(9, p.employedElsewhereBefore());
                });
        jdbc.update("update certification_employees set version = version + 1 where id = ?", employeeId);
    }

    List<Posting> postings(long employeeId) {
        return jdbc.query("select kind, start_on, end_on, post, rank, equivalent, head, employed_elsewhere_before"
                + " from certification_postings where employee_id = ? order by start_on", (rs, i) -> new Posting(
                Posting.Kind.valueOf(rs.getString(1)), rs.getDate(2).toLocalDate(), date(rs, 3), rs.getString(4),
                rs.getInt(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)), employeeId);
    }

    void updateDue(long employeeId, Due due, LocalDate asOf) {
        jdbc.update("update certification_employees set due_status = ?, due_on = ?, latest_on = ?, due_reason = ?,"
                + " due_computed_on = ? where id = ?", due.status().name(), sqlDate(due.dueOn()),
                sqlDate(due.latestOn()), due.reason(), Date.valueOf(asOf), employeeId);
    }

    long insertCommission(String name, String chair, String secretary, List<String> members, String by) {
        try {
            return jdbc.queryForObject("insert into certification_commissions (name, chair, secretary, members,"
                    + " created_by) values (?, ?, ?, ?, ?) returning id", Long.class, name, chair, secretary,
                    members.toArray(String[]::new), by);
        } catch (DuplicateKeyException e) {
            throw CertificationProblem.conflict(ProblemCodes.COMMISSION_EXISTS, "a commission named '" + name + "' exists");
        }
    }

    boolean commissionNamed(String name, long other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from certification_commissions"
                + " where name = ? and id <> ?)", Boolean.class, name, other));
    }

    Optional<Commission> commission(long id) {
        return jdbc.query("select id, name, chair, secretary, members from certification_commissions where id = ?",
                COMMISSIONS, id).stream().findFirst();
    }

    List<Commission> commissions() {
        return jdbc.query("select id, name, chair, secretary, members from certification_commissions order by name",
                COMMISSIONS);
    }

    long insertCase(long employeeId, long commissionId, boolean recertification, LocalDate dueOn, String by) {
        try {
            return jdbc.queryForObject("insert into certification_cases (employee_id, commission_id, kind, due_on,"
                    + " opened_by) values (?, ?, ?, ?, ?) returning id", Long.class, employeeId, commissionId,
                    recertification ? "RECERTIFICATION" : "FIRST", sqlDate(dueOn), by);
        } catch (DuplicateKeyException e) {
            throw CertificationProblem.conflict(ProblemCodes.CASE_OPEN, "employee " + employeeId
                    + " already has an open certification");
        }
    }

    Optional<CertificationCase> certificationCase(long id) {
        return jdbc.query(CASE + " where id = ?", CASES, id).stream().findFirst();
    }

    List<CertificationCase> cases(long employeeId) {
        return jdbc.query(CASE + " where employee_id = ? order by opened_at desc, id desc", CASES, employeeId);
    }

    /** The last decided case of the employee whose decision stands (not cancelled), if any. */
    Optional<CertificationCase> lastDecided(long employeeId) {
        return jdbc.query(CASE + " where employee_id = ? and decided_on is not null and cancelled_on is null"
                + " order by decided_on desc, id desc"
                + " limit 1", CASES, employeeId).stream().findFirst();
    }

    /** Closes the case under the commission's current composition; false when another decision came first. */
    boolean decide(long caseId, LocalDate on, Decision outcome) {
        return jdbc.update("update certification_cases c set decided_on = ?, outcome = ?, commission_version ="
                + " (select m.version from certification_commissions m where m.id = c.commission_id) where c.id = ?"
                + " and c.decided_on is null", Date.valueOf(on), outcome.name(), caseId) == 1;
    }

    long insertEntry(long caseId, Stage stage, String result, Integer score, String note, Map<String, ?> detail,
                     Long corrects, String by) {
        return jdbc.queryForObject("insert into certification_entries (case_id, stage, result, score, note, detail,"
                + " corrects, recorded_by) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?) returning id", Long.class, caseId,
                stage.name(), result, score, note, json.writeValueAsString(detail), corrects, by);
    }

    List<CaseEntry> entries(long caseId) {
        return jdbc.query("select id, case_id, stage, result, score, note, detail::text, corrects, recorded_by,"
                + " recorded_at from certification_entries where case_id = ? order by id", (rs, i) -> new CaseEntry(
                rs.getLong(1), rs.getLong(2), Stage.valueOf(rs.getString(3)), rs.getString(4),
                (Integer) rs.getObject(5), rs.getString(6), json.readValue(rs.getString(7), Map.class),
                (Long) rs.getObject(8), rs.getString(9), rs.getTimestamp(10).toInstant()), caseId);
    }

    private static final RowMapper<Employee> EMPLOYEES = (rs, i) -> new Employee(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getInt(4), rs.getString(5), date(rs, 6), date(rs, 7), rs.getString(8), date(rs, 9));

    private static final RowMapper<Commission> COMMISSIONS = (rs, i) -> {
        Array members = rs.getArray(5);
        return new Commission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Arrays.asList((String[]) members.getArray()));
    };

    private static final RowMapper<CertificationCase> CASES = (rs, i) -> new CertificationCase(rs.getLong(1),
            rs.getLong(2), rs.getLong(3), "RECERTIFICATION".equals(rs.getString(4)), date(rs, 5),
            rs.getTimestamp(6).toInstant(), rs.getString(7), date(rs, 8), rs.getString(9), date(rs, 10), date(rs, 11));

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
