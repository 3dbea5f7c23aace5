package kz.line102.callcenter.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

/**
 * The watches of the configured shift pattern: 24 hours from {@code startsAt} (08:00 in
 * Asia/Almaty by default), or two 12-hour watches a day; which shift of the rotation has
 * each. A watch is named by its local start, {@code 2026-12-04T08:00}.
 */
@Component
class WatchCalendar {

    private final WatchProperties props;
    private final Clock clock;

    WatchCalendar(WatchProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
    }

    /** {@code key} is the local start; {@code end} is exclusive; {@code shift} counts from 1. */
    record Watch(LocalDateTime key, Instant start, Instant end, int shift) {
    }

    Instant now() {
        return clock.instant();
    }

    Watch current() {
        return containing(clock.instant());
    }

    Watch containing(Instant at) {
        ZonedDateTime local = at.atZone(props.zone());
        LocalDateTime start = local.toLocalDate().atTime(props.startsAt());
        if (local.toLocalDateTime().isBefore(start)) {
            start = start.minusDays(1);
        }
        while (!start.plus(props.length()).isAfter(local.toLocalDateTime())) {
            start = start.plus(props.length());
        }
        return of(start);
    }

    /** The watch named {@code key}; anything that is no watch's start is a clear 400. */
    Watch parse(String key) {
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(key);
        } catch (DateTimeParseException e) {
            throw WatchProblem.invalid("'" + key + "' is no watch: expected its local start as 2026-12-04T08:00");
        }
        if (start.getYear() < 2000 || start.getYear() > 2999) {
            throw WatchProblem.invalid("the watch " + key + " is outside the years 2000-2999");
        }
        Watch watch = containing(start.atZone(props.zone()).toInstant());
        if (!watch.key().equals(start)) {
            throw WatchProblem.invalid("no watch starts at " + key + ": watches start at " + props.startsAt()
                    + " and last " + props.length().toHours() + " hours");
        }
        return watch;
    }

    Watch of(LocalDateTime start) {
        ZonedDateTime from = start.atZone(props.zone());
        LocalDateTime anchor = props.rotationAnchor().atTime(props.startsAt());
        long index = Math.floorDiv(Duration.between(anchor, start).toMinutes(), props.length().toMinutes());
        int shift = (int) Math.floorMod(index, (long) props.shifts()) + 1;
        return new Watch(start, from.toInstant(), start.plus(props.length()).atZone(props.zone()).toInstant(), shift);
    }
}
