package kz.line102.callcenter.stats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The centre's evaluation of a watch or a quarter in the form its rules use (order 439
 * items 32–33): calls received and processed, answered within the norm, abandoned and
 * called back, repeat calls; from the incident timeline the cards registered, the average
 * time from the answer to the card's registration and from the registration to the first
 * unit on scene, and the late arrivals (a unit that arrived after its deadline, or had not
 * arrived when it passed). The quarterly results are signed off like the daily report: a
 * frozen JSON snapshot with its SHA-256, never changed afterwards.
 */
public class Evaluation {

    private static final Logger log = LoggerFactory.getLogger(Evaluation.class);

    private final StatsService stats;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Evaluation(StatsService stats, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.stats = stats;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param registrationSeconds average seconds from the first call's answer to the card's registration
     * @param firstArrivalSeconds average seconds from registration to the first unit on scene
     */
    public record Summary(String period, Instant from, Instant to, String zone, int serviceLevelSeconds,
                          long callsReceived, long callsProcessed, long answeredWithinNorm, Double serviceLevel,
                          long abandoned, long abandonedCalledBack, long abandonedCalledBackAnswered, long repeatCalls,
                          long cardsRegistered, Double registrationSeconds, Double firstArrivalSeconds,
                          long lateArrivals) {
    }

    public Summary summary(Period p) {
        int t = stats.properties().serviceLevelSeconds();
        StatsService.History h = stats.history(p, null, null, t, stats.properties().shortAbandonSeconds());
        Figures f = h.rows().isEmpty() ? Figures.of(new Tally(), t, stats.properties().shortAbandonSeconds())
                : h.rows().get(0).figures();
        Map<String, Object> cards = jdbc.queryForMap("""
                select count(*) as registered,
                       avg(extract(epoch from i.registered_at - (select min(c.answered_at) from incident_calls ic
                            join calls c on c.id = ic.call_id where ic.incident_id = i.id and not ic.repeat))) as reg,
                       avg(extract(epoch from (select min(u.arrived_at) from incident_units u
                            where u.incident_id = i.id) - i.registered_at)) as arrival
                  from incidents i where i.registered_at >= ? and i.registered_at < ?
                """, Timestamp.from(p.from()), Timestamp.from(p.to()));
        Long late = jdbc.queryForObject("""
                select count(*) from incident_units u where u.deadline_at >= ? and u.deadline_at < ?
                   and (u.arrived_at > u.deadline_at
                        or (u.arrived_at is null and u.deadline_at < ? and (u.released_at is null
                            or u.released_at > u.deadline_at)))
                """, Long.class, Timestamp.from(p.from()), Timestamp.from(p.to()), Timestamp.from(clock.instant()));
        return new Summary(p.kind(), p.from(), p.to(), stats.zone(), t, f.offered(), f.answered(), f.answeredWithin(),
                f.serviceLevel(), f.abandoned(), f.abandonedCalledBack(), f.abandonedCalledBackAnswered(), f.repeats(),
                ((Number) cards.get("registered")).longValue(), number(cards.get("reg")), number(cards.get("arrival")),
                late == null ? 0 : late);
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    /** A quarter's results: live until signed, then the frozen snapshot and whether it is intact. */
    public record Quarter(String quarter, String state, Summary summary, String signedBy, Instant signedAt,
                          String sha256, Boolean intact) {
    }

    public Quarter quarter(String quarter) {
        Period p = Period.quarter(quarter, java.time.ZoneId.of(stats.zone()));
        List<Quarter> signed = jdbc.query("select * from stats_quarter_signoffs where quarter = ?", (rs, n) -> {
            String snapshot = rs.getString("snapshot");
            String sha = rs.getString("sha256");
            return new Quarter(quarter, "signed", json.readValue(snapshot, Summary.class), rs.getString("signed_by"),
                    rs.getTimestamp("signed_at").toInstant(), sha, sha256(snapshot).equals(sha));
        }, quarter);
        if (!signed.isEmpty()) {
            return signed.get(0);
        }
        return new Quarter(quarter, "open", summary(p), null, null, null, null);
    }

    public Quarter signOff(String quarter, String by) {
        Period p = Period.quarter(quarter, java.time.ZoneId.of(stats.zone()));
        Instant now = clock.instant();
        if (now.isBefore(p.to())) {
            throw new ConflictException(ProblemCodes.QUARTER_NOT_ENDED, "quarter " + quarter + " ends at " + p.to()
                    + ": it can be signed off only after it has ended");
        }
        String snapshot = json.writeValueAsString(summary(p));
        String sha = sha256(snapshot);
        try {
            jdbc.update("""
                    insert into stats_quarter_signoffs (quarter, period_start, period_end, signed_by, signed_at,
                        snapshot, sha256) values (?, ?, ?, ?, ?, ?, ?)
                    """, quarter, Timestamp.from(p.from()), Timestamp.from(p.to()), by, Timestamp.from(now), snapshot,
                    sha);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ProblemCodes.QUARTER_ALREADY_SIGNED, "the results of " + quarter
                    + " are already signed off; a signed report is never changed");
        }
        log.info("quarterly results {} signed off by {}: sha256 {}", quarter, by, sha);
        return quarter(quarter);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
