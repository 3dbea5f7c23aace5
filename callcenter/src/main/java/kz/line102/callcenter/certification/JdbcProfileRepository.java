package kz.line102.callcenter.certification;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The service profiles and their acknowledgements; the database refuses a change of a signed one. */
@Repository
class JdbcProfileRepository {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcProfileRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    Optional<ServiceProfile> profile(long caseId) {
        return jdbc.query("select p.id, p.case_id, p.sections::text, p.version, p.written_by, p.written_at, p.signed_by,"
                + " p.signed_at, a.acknowledged_on, a.disagrees, a.disagreement, a.added_information, a.recorded_by,"
                + " a.recorded_at from certification_profiles p left join certification_profile_acks a"
                + " on a.profile_id = p.id where p.case_id = ?", (rs, i) -> new ServiceProfile(rs.getLong(1),
                rs.getLong(2), new LinkedHashMap<String, String>(json.readValue(rs.getString(3), Map.class)),
                rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                rs.getDate(9) == null ? null : new ServiceProfile.Acknowledgement(rs.getDate(9).toLocalDate(),
                        rs.getBoolean(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getTimestamp(14).toInstant())), caseId).stream().findFirst();
    }

    void insert(long caseId, Map<String, String> sections, String by) {
        jdbc.update("insert into certification_profiles (case_id, sections, written_by) values (?, ?::jsonb, ?)",
                caseId, json.writeValueAsString(sections), by);
    }

    /** Saves a new version over {@code baseVersion}; false when another save came first or it is signed. */
    boolean update(long caseId, Map<String, String> sections, int baseVersion, String by) {
        return jdbc.update("update certification_profiles set sections = ?::jsonb, version = version + 1,"
                + " written_by = ?, written_at = clock_timestamp() where case_id = ? and version = ?"
                + " and signed_at is null", json.writeValueAsString(sections), by, caseId, baseVersion) == 1;
    }

    boolean sign(long caseId, int version, String by) {
        return jdbc.update("update certification_profiles set signed_by = ?, signed_at = clock_timestamp()"
                + " where case_id = ? and version = ? and signed_at is null", by, caseId, version) == 1;
    }

    boolean acknowledge(long profileId, LocalDate on, boolean disagrees, String disagreement, String added,
                        String by) {
        return jdbc.update("insert into certification_profile_acks (profile_id, acknowledged_on, disagrees,"
                + " disagreement, added_information, recorded_by) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                profileId, Date.valueOf(on), disagrees, disagreement, added, by) == 1;
    }
}
