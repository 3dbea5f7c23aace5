package kz.line102.callcenter.certification;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Appeals, cancellations of decisions and the commissions' order of seniority. */
@Repository
class JdbcAppealRepository {

    private static final String APPEAL = "select id, case_id, filed_on, grounds, recorded_by, recorded_at, outcome,"
            + " commission_id, decided_on, decided_by, reason from certification_appeals";

    private final JdbcTemplate jdbc;

    JdbcAppealRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void setHigher(long commissionId, Long higherId) {
        jdbc.update("update certification_commissions set higher_id = ? where id = ?", higherId, commissionId);
    }

    /** The commissions above {@code commissionId}, nearest first (a cycle is cut by the depth). */
    List<Long> above(long commissionId) {
        return jdbc.queryForList("with recursive up(id, depth) as (select higher_id, 1 from certification_commissions"
                + " where id = ? and higher_id is not null union all select c.higher_id, u.depth + 1 from up u"
                + " join certification_commissions c on c.id = u.id where c.higher_id is not null and u.depth < 50)"
                + " select id from up order by depth", Long.class, commissionId);
    }

    boolean pending(long caseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from certification_appeals where"
                + " case_id = ? and outcome is null)", Boolean.class, caseId));
    }

    long insert(long caseId, LocalDate filedOn, String grounds, String by) {
        try {
            return jdbc.queryForObject("insert into certification_appeals (case_id, filed_on, grounds, recorded_by)"
                    + " values (?, ?, ?, ?) returning id", Long.class, caseId, Date.valueOf(filedOn), grounds, by);
        } catch (DuplicateKeyException e) {
            throw CertificationProblem.conflict(ProblemCodes.APPEAL_PENDING, "case " + caseId + " has an appeal awaiting"
                    + " its decision");
        }
    }

    Optional<Appeal> appeal(long id) {
        return jdbc.query(APPEAL + " where id = ?", APPEALS, id).stream().findFirst();
    }

    List<Appeal> appeals(long caseId) {
        return jdbc.query(APPEAL + " where case_id = ? order by id", APPEALS, caseId);
    }

    boolean decide(long id, String outcome, long commissionId, LocalDate on, String by, String reason) {
        return jdbc.update("update certification_appeals set outcome = ?, commission_id = ?, decided_on = ?,"
                + " decided_by = ?, reason = ? where id = ? and outcome is null", outcome, commissionId,
                Date.valueOf(on), by, reason, id) == 1;
    }

    boolean cancel(long caseId, long commissionId, LocalDate on, String by, String reason) {
        return jdbc.update("update certification_cases set cancelled_on = ?, cancelled_by = ?,"
                + " cancelled_commission_id = ?, cancel_reason = ? where id = ? and decided_on is not null"
                + " and cancelled_on is null", Date.valueOf(on), by, commissionId, reason, caseId) == 1;
    }

    private static final RowMapper<Appeal> APPEALS = (rs, i) -> new Appeal(rs.getLong(1), rs.getLong(2),
            rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
            rs.getString(7), (Long) rs.getObject(8), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(),
            rs.getString(10), rs.getString(11));
}
