package kz.line102.callcenter.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import kz.line102.callcenter.security.CurrentWatch;
import org.springframework.stereotype.Component;

/** The 24-hour watches (08:00 to 08:00 local time by default) that shifts and reports are counted in. */
@Component
public class Watches implements CurrentWatch {

    private final IncidentProperties props;
    private final Clock clock;

    Watches(IncidentProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
    }

    /** A watch: {@code day} is the local date it starts on; {@code end} is exclusive. */
    public record Watch(LocalDate day, Instant start, Instant end) {
    }

    public Watch current() {
        return containing(clock.instant());
    }

    /** What "calls of the watch" means to the need-to-know rule (security.CallAccess). */
    @Override
    public Instant currentWatchStart() {
        return current().start();
    }

    public Watch containing(Instant at) {
        ZonedDateTime local = at.atZone(props.zone());
        LocalDate day = local.toLocalTime().isBefore(props.watchStartsAt()) ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
        return of(day);
    }

    public Watch of(LocalDate day) {
        return new Watch(day, day.atTime(props.watchStartsAt()).atZone(props.zone()).toInstant(),
                day.plusDays(1).atTime(props.watchStartsAt()).atZone(props.zone()).toInstant());
    }
}
