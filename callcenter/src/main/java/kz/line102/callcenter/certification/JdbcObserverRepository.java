package kz.line102.callcenter.certification;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Observers' applications ({@code certification_observers}), append-only. */
@Repository
class JdbcObserverRepository {

    private final JdbcTemplate jdbc;

    JdbcObserverRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the applications to one meeting (first come, first served across nodes) until commit. */
    void lockMeeting(long commissionId, LocalDate meeting) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> { }, (int) commissionId, (int) meeting.toEpochDay());
    }

    boolean meetingExists(long commissionId, LocalDate meeting) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from certification_cases where"
                + " commission_id = ? and meeting_on = ?)", Boolean.class, commissionId, Date.valueOf(meeting)));
    }

    int admitted(long commissionId, LocalDate meeting) {
        return jdbc.queryForObject("select count(*) from certification_observers where commission_id = ?"
                + " and meeting_on = ? and status = 'ADMITTED'", Integer.class, commissionId, Date.valueOf(meeting));
    }

    boolean admittedAlready(long commissionId, LocalDate meeting, String identityDocument) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from certification_observers where"
                + " commission_id = ? and meeting_on = ? and status = 'ADMITTED' and lower(identity_document) = lower(?))",
                Boolean.class, commissionId, Date.valueOf(meeting), identityDocument));
    }

    boolean isEmployee(String personnelNo) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from certification_employees"
                + " where personnel_no = ?)", Boolean.class, personnelNo));
    }

    long insert(long commissionId, LocalDate meeting, String fullName, String document, String capacity,
                String organisation, String by, Integer seat, String refusal) {
        return jdbc.queryForObject("insert into certification_observers (commission_id, meeting_on, full_name,"
                + " identity_document, capacity, organisation, recorded_by, status, seat, refusal)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class, commissionId,
                Date.valueOf(meeting), fullName, document, capacity, organisation, by,
                seat == null ? "REFUSED" : "ADMITTED", seat, refusal);
    }

    List<Observer> observers(long commissionId, LocalDate meeting) {
        return observers(commissionId, meeting, Integer.MAX_VALUE, 0);
    }

    /** A page of the meeting's applications in the order they came (index certification_observers_meeting). */
    List<Observer> observers(long commissionId, LocalDate meeting, int limit, int offset) {
        return jdbc.query("select id, commission_id, meeting_on, full_name, identity_document, capacity, organisation,"
                + " applied_at, recorded_by, status, seat, refusal from certification_observers where commission_id = ?"
                + " and meeting_on = ? order by id limit ? offset ?", OBSERVERS, commissionId, Date.valueOf(meeting),
                limit, offset);
    }

    private static final RowMapper<Observer> OBSERVERS = (rs, i) -> new Observer(rs.getLong(1), rs.getLong(2),
            rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10), (Integer) rs.getObject(11),
            rs.getString(12));
}
