package kz.line102.callcenter.watch;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;

/** Watches no earlier run has used: the tables only grow, so each test takes a fresh past watch. */
final class WatchFixtures {

    private WatchFixtures() {
    }

    static String freshWatch(JdbcTemplate jdbc, WatchProperties props) {
        while (true) {
            LocalDateTime start = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(8000))
                    .atTime(props.startsAt());
            Integer used = jdbc.queryForObject("select count(*) from watches where starts_at = ?", Integer.class,
                    Timestamp.from(start.atZone(props.zone()).toInstant()));
            if (used == 0) {
                return start.toString();
            }
        }
    }
}
