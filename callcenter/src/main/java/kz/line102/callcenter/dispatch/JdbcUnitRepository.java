package kz.line102.callcenter.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code units} and {@code unit_status_history}. */
@Repository
class JdbcUnitRepository {

    private static final String COLUMNS = "id, call_sign, kind, status, crew::text, patrol_route, lat, lon, position_at,"
            + " status_since, incident_id, enabled";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcUnitRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(String callSign, UnitKind kind) {
        Long id = jdbc.queryForObject("insert into units (call_sign, kind) values (?, ?) returning id", Long.class,
                callSign, kind.code());
        return id == null ? 0 : id;
    }

    Optional<Unit> find(long id) {
        return jdbc.query("select " + COLUMNS + " from units where id = ?", this::row, id).stream().findFirst();
    }

    /** Locks the row for the rest of the transaction: state changes of one unit queue up. */
    Optional<Unit> lock(long id) {
        return jdbc.query("select " + COLUMNS + " from units where id = ? for update", this::row, id)
                .stream().findFirst();
    }

    List<Unit> all(boolean onDutyOnly) {
        return jdbc.query("select " + COLUMNS + " from units" + (onDutyOnly ? " where status <> 'off-duty'" : "")
                + " order by call_sign", this::row);
    }

    List<Unit> onIncident(UUID incidentId) {
        return jdbc.query("select " + COLUMNS + " from units where incident_id = ? order by call_sign", this::row,
                incidentId);
    }

    void setStatus(long id, UnitStatus status, UUID incidentId) {
        jdbc.update("update units set status = ?, incident_id = ?, status_since = clock_timestamp(),"
                + " updated_at = clock_timestamp() where id = ?", status.code(), incidentId, id);
    }

    void setDuty(long id, List<String> crew, String route) {
        jdbc.update("update units set crew = ?::jsonb, patrol_route = ?, updated_at = clock_timestamp() where id = ?",
                json.writeValueAsString(crew), route, id);
    }

    void setPosition(long id, double lat, double lon) {
        jdbc.update("update units set lat = ?, lon = ?, position_at = clock_timestamp(), updated_at = clock_timestamp()"
                + " where id = ?", lat, lon, id);
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.update("update units set enabled = ?, updated_at = clock_timestamp() where id = ?", enabled, id);
    }

    void history(long unitId, UnitStatus status, String by, UUID incidentId, Double lat, Double lon,
                 Map<String, Object> detail) {
        jdbc.update("insert into unit_status_history (unit_id, status, by_user, incident_id, lat, lon, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?::jsonb)", unitId, status.code(), by, incidentId, lat, lon,
                json.writeValueAsString(detail));
    }

    List<UnitEvent> timeline(long unitId, int limit) {
        return jdbc.query("select id, unit_id, status, at, by_user, incident_id, lat, lon, detail::text"
                + " from unit_status_history where unit_id = ? order by at desc, id desc limit ?", this::event, unitId, limit);
    }

    List<UnitEvent> timelineOfIncident(UUID incidentId) {
        return jdbc.query("select id, unit_id, status, at, by_user, incident_id, lat, lon, detail::text"
                + " from unit_status_history where incident_id = ? order by at, id", this::event, incidentId);
    }

    private Unit row(ResultSet rs, int n) throws SQLException {
        return new Unit(rs.getLong(1), rs.getString(2), UnitKind.ofCode(rs.getString(3)).orElseThrow(),
                UnitStatus.ofCode(rs.getString(4)).orElseThrow(), json.readValue(rs.getString(5), STRINGS),
                rs.getString(6), (Double) rs.getObject(7), (Double) rs.getObject(8), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)), rs.getObject(11, UUID.class), rs.getBoolean(12));
    }

    private UnitEvent event(ResultSet rs, int n) throws SQLException {
        return new UnitEvent(rs.getLong(1), rs.getLong(2), UnitStatus.ofCode(rs.getString(3)).orElseThrow(),
                instant(rs.getTimestamp(4)), rs.getString(5), rs.getObject(6, UUID.class), (Double) rs.getObject(7),
                (Double) rs.getObject(8), json.readValue(rs.getString(9), MAP));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}
