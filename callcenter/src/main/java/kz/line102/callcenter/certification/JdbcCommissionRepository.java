package kz.line102.callcenter.certification;

import java.sql.Array;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The commissions' compositions and what the composition rules need to know of each member:
 * their account (read only: the users are security's), the employee file linked to it and the
 * post held on the day. Every composition is kept in {@code certification_commission_versions}
 * (V122), append-only; a decided case names the version it was decided by.
 */
@Repository
class JdbcCommissionRepository {

    private final JdbcTemplate jdbc;

    JdbcCommissionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A post as the rules compare it: its rank (higher is more senior) and whether it heads a division. */
    record Post(String post, int rank, boolean head, boolean current) {
    }

    /**
     * One name as the composition rules see it: whether it is an account, enabled, of the personnel
     * service, linked to an employee file, and the post held on the day (null: none held then).
     */
    record Member(String username, boolean account, boolean enabled, boolean personnel, Long employeeId, Post post) {
    }

    record Version(long commissionId, int version, String name, String chair, String secretary, List<String> members,
                   String changedBy, Instant changedAt, String reason) {
    }

    List<Member> members(List<String> usernames, LocalDate on) {
        Date day = Date.valueOf(on);
        return jdbc.query("select m.name, u.username is not null, coalesce(u.enabled, false),"
                + " coalesce('PERSONNEL' = any(u.roles), false), e.id, p.rank, p.head, p.post, p.current"
                + " from unnest(?::text[]) with ordinality m(name, n)"
                + " left join users u on u.username = m.name"
                + " left join certification_employees e on e.username = m.name"
                + " left join lateral (select rank, head, post, true as current from certification_postings p"
                + "   where p.employee_id = e.id and p.start_on <= ? and (p.end_on is null or p.end_on >= ?)"
                + "   order by p.start_on desc limit 1) p on true"
                + " order by m.n", (rs, i) -> new Member(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                rs.getBoolean(4), (Long) rs.getObject(5), rs.getObject(6) == null ? null
                : new Post(rs.getString(8), rs.getInt(6), rs.getBoolean(7), true)),
                (Object) usernames.toArray(String[]::new), day, day);
    }

    /** The employee's post on the day, or (of one who holds none then) their last one. */
    Optional<Post> postOf(long employeeId, LocalDate on) {
        Date day = Date.valueOf(on);
        return jdbc.query("select rank, head, post, (end_on is null or end_on >= ?) from certification_postings"
                + " where employee_id = ? and start_on <= ? order by (end_on is null or end_on >= ?) desc,"
                + " start_on desc limit 1", (rs, i) -> new Post(rs.getString(3), rs.getInt(1), rs.getBoolean(2),
                rs.getBoolean(4)), day, employeeId, day, day)
                .stream().findFirst();
    }

    /** Holds the commission until the transaction ends: a change and a case opened before it go one at a time. */
    void lock(long commissionId, boolean exclusive) {
        jdbc.query("select id from certification_commissions where id = ? for " + (exclusive ? "update" : "share"),
                (rs, i) -> rs.getLong(1), commissionId);
    }

    int version(long commissionId) {
        return jdbc.queryForObject("select version from certification_commissions where id = ?", Integer.class,
                commissionId);
    }

    /** Keeps a composition; version 1 is the one the commission was created with. */
    void insertVersion(long commissionId, int version, String name, String chair, String secretary,
                       List<String> members, String by, String reason) {
        jdbc.update("insert into certification_commission_versions (commission_id, version, name, chair, secretary,"
                + " members, changed_by, reason) values (?, ?, ?, ?, ?, ?, ?, ?)", commissionId, version, name, chair,
                secretary, members.toArray(String[]::new), by, reason);
    }

    /** The next composition; false when another change came first (the version moved on). */
    boolean update(long commissionId, int fromVersion, String name, String chair, String secretary,
                   List<String> members) {
        return jdbc.update("update certification_commissions set name = ?, chair = ?, secretary = ?, members = ?,"
                + " version = version + 1 where id = ? and version = ?", name, chair, secretary,
                members.toArray(String[]::new), commissionId, fromVersion) == 1;
    }

    List<Version> versions(long commissionId) {
        return jdbc.query("select commission_id, version, name, chair, secretary, members, changed_by, changed_at,"
                + " reason from certification_commission_versions where commission_id = ? order by version",
                VERSIONS, commissionId);
    }

    /** The composition the case was decided by; empty while the case is open. */
    Optional<Commission> decidedBy(long caseId) {
        return jdbc.query("select v.commission_id, v.name, v.chair, v.secretary, v.members from certification_cases c"
                + " join certification_commission_versions v on v.commission_id = c.commission_id"
                + " and v.version = c.commission_version where c.id = ?", (rs, i) -> new Commission(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), names(rs.getArray(5))), caseId).stream().findFirst();
    }

    /** The commission directly above, if any. */
    Optional<Long> higherOf(long commissionId) {
        return jdbc.query("select higher_id from certification_commissions where id = ? and higher_id is not null",
                (rs, i) -> rs.getLong(1), commissionId).stream().findFirst();
    }

    /** The commissions directly below. */
    List<Long> below(long commissionId) {
        return jdbc.queryForList("select id from certification_commissions where higher_id = ? order by id", Long.class,
                commissionId);
    }

    record OpenCase(long caseId, long employeeId, boolean inMeeting) {
    }

    /** The commission's cases not yet decided; in a meeting when attendance is recorded. */
    List<OpenCase> openCases(long commissionId) {
        return jdbc.query("select c.id, c.employee_id, exists (select 1 from certification_attendance a"
                + " where a.case_id = c.id) from certification_cases c where c.commission_id = ?"
                + " and c.decided_on is null order by c.id", (rs, i) -> new OpenCase(rs.getLong(1), rs.getLong(2),
                rs.getBoolean(3)), commissionId);
    }

    private static final RowMapper<Version> VERSIONS = (rs, i) -> new Version(rs.getLong(1), rs.getInt(2),
            rs.getString(3), rs.getString(4), rs.getString(5), names(rs.getArray(6)), rs.getString(7),
            rs.getTimestamp(8).toInstant(), rs.getString(9));

    private static List<String> names(Array a) throws java.sql.SQLException {
        return Arrays.asList((String[]) a.getArray());
    }
}
