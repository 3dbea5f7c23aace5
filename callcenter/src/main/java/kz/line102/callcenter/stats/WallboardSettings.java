package kz.line102.callcenter.stats;

import java.math.BigDecimal;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import kz.line102.callcenter.app.InvalidRequestException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a wallboard shows: the queues and the service-level target (percent, and T in
 * seconds), kept per user in PostgreSQL so they follow a supervisor to another desk. A
 * user without a choice of their own gets the centre's default (IT staff's, owner
 * {@code '*'}), else the configuration's.
 */
public class WallboardSettings {

    public static final String CENTRE = "*";
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.\\-]{1,80}");
    private static final int MAX_QUEUES = 100;

    private final JdbcTemplate jdbc;
    private final StatsProperties props;

    WallboardSettings(JdbcTemplate jdbc, StatsProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    /**
     * @param source own (the user's), centre (IT staff's default) or configuration
     */
    public record Choice(List<String> queues, double targetPercent, int serviceLevelSeconds, String source) {
    }

    public Choice of(String user) {
        Choice own = read(user, "own");
        return own != null ? own : defaults();
    }

    public Choice defaults() {
        Choice centre = read(CENTRE, "centre");
        return centre != null ? centre : new Choice(List.copyOf(props.wallboard().queues()),
                props.wallboard().targetPercent(), props.serviceLevelSeconds(), "configuration");
    }

    private Choice read(String owner, String source) {
        return jdbc.query("select queues, target_percent, service_level_seconds from stats_wallboard_settings "
                + "where owner = ?", rs -> rs.next() ? new Choice(queues(rs.getArray(1)),
                rs.getBigDecimal(2).doubleValue(), rs.getInt(3), source) : null, owner);
    }

    private static List<String> queues(Array a) throws java.sql.SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    /** Saves {@code owner}'s choice (a username, or {@link #CENTRE}); refuses what no wallboard could show. */
    public Choice save(String owner, String by, List<String> queues, Double targetPercent, Integer serviceLevelSeconds) {
        List<String> q = new ArrayList<>(queues == null ? List.of() : queues.stream().distinct().toList());
        if (q.size() > MAX_QUEUES || q.stream().anyMatch(n -> n == null || !QUEUE.matcher(n).matches())) {
            throw new InvalidRequestException("'queues' takes up to " + MAX_QUEUES + " queue names",
                    "problem.invalid-request.wallboard-queues", List.of(MAX_QUEUES));
        }
        if (targetPercent == null || targetPercent.isNaN() || targetPercent < 0 || targetPercent > 100) {
            throw new InvalidRequestException("'targetPercent' must be 0 to 100, got " + targetPercent,
                    "problem.invalid-request.wallboard-target", List.of());
        }
        int t = serviceLevelSeconds == null ? props.serviceLevelSeconds() : serviceLevelSeconds;
        if (!WaitBins.isEdge(t)) {
            throw new InvalidRequestException("'serviceLevelSeconds' must be one of " + WaitBins.edges() + ", got " + t,
                    "problem.invalid-request.wallboard-seconds", List.of(t));
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into stats_wallboard_settings (owner, queues, target_percent, service_level_seconds, updated_by)
                    values (?, ?, ?, ?, ?)
                    on conflict (owner) do update set queues = excluded.queues, target_percent = excluded.target_percent,
                        service_level_seconds = excluded.service_level_seconds, updated_by = excluded.updated_by,
                        updated_at = clock_timestamp()
                    """);
            ps.setString(1, owner);
            ps.setArray(2, con.createArrayOf("text", q.toArray()));
            ps.setBigDecimal(3, BigDecimal.valueOf(targetPercent).setScale(2, java.math.RoundingMode.HALF_UP));
            ps.setInt(4, t);
            ps.setString(5, by);
            return ps;
        });
        return owner.equals(CENTRE) ? defaults() : of(owner);
    }

    /** Forgets the user's own choice: the centre's default applies again. */
    public Choice reset(String user) {
        jdbc.update("delete from stats_wallboard_settings where owner = ?", user);
        return of(user);
    }
}
