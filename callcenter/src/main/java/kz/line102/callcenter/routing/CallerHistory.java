package kz.line102.callcenter.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.caller.PhoneNumbers.NumberStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Earlier calls from a number, from the call records: how many in the 24 hours before
 * a moment, and whether one was abandoned in the hour before it. The call being routed
 * is left out (its record may or may not be there yet).
 */
class CallerHistory {

    /** What the rules may ask of a caller's past. */
    record History(int callsLast24h, boolean abandonedWithinHour) {
        static final History NONE = new History(0, false);
    }

    private static final String SQL = """
            select count(*) as calls,
                   coalesce(bool_or(outcome = 'abandoned'
                                    and coalesce(ended_at, offered_at) > ?::timestamptz - interval '1 hour'), false)
                       as abandoned
              from calls
             where %s = ? and offered_at > ?::timestamptz - interval '24 hours' and offered_at <= ? and id <> ?
               and not test_call
            """;

    private final JdbcTemplate jdbc;

    CallerHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    History of(NormalizedNumber number, UUID exclude, Instant at) {
        if (number.status() == NumberStatus.WITHHELD) {
            // Withheld callers are not one caller: their calls say nothing about each other.
            return History.NONE;
        }
        boolean valid = number.status() == NumberStatus.VALID;
        String column = valid ? "caller_number_e164" : "caller_number";
        Timestamp t = Timestamp.from(at);
        return jdbc.queryForObject(SQL.formatted(column), (rs, i) -> new History(rs.getInt("calls"),
                rs.getBoolean("abandoned")), t, valid ? number.e164() : number.raw(), t, t, exclude);
    }
}
