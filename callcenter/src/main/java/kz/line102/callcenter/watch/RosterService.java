package kz.line102.callcenter.watch;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shift pattern of order 439 (three or four shifts, 24-hour or 12-hour watches) with who
 * is on which post of each shift, the meal and rest breaks the chief set, and the rest after a
 * watch, which the pattern gives: a shift is on every {@code shifts}-th watch, so it rests
 * {@code (shifts - 1) x length} before its next one. Changes are new rows, never edits.
 */
@Service
class RosterService {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);
    private static final Pattern BREAK = Pattern.compile("(\\d\\d:\\d\\d)-(\\d\\d:\\d\\d)");
    private static final int MAX_BREAKS = 12;

    private final WatchProperties props;
    private final WatchCalendar calendar;
    private final RosterStore store;
    private final WatchAudit audit;

    RosterService(WatchProperties props, WatchCalendar calendar, RosterStore store, WatchAudit audit) {
        this.props = props;
        this.calendar = calendar;
        this.store = store;
        this.audit = audit;
    }

    /** One shift of the rotation, its people and its next watch from the watch asked about. */
    record Shift(int shift, List<RosterStore.Member> members, String nextWatch) {
    }

    /**
     * The pattern as a watch sees it: which shift is on, its people, the breaks in force
     * ({@code breaksSetBy} null when they are the configured ones), the rest after this watch
     * and the shift's next watch.
     */
    record Roster(int shifts, long lengthHours, int shift, List<RosterStore.Member> onWatch, List<String> breaks,
                  String breaksSetBy, java.time.Instant breaksSetAt, long restHours, String nextWatch, List<Shift> all) {
    }

    record Assignment(String name, String post) {
    }

    Roster roster(WatchCalendar.Watch w) {
        List<RosterStore.Member> members = store.members();
        List<Shift> all = new ArrayList<>();
        for (int s = 1; s <= props.shifts(); s++) {
            int shift = s;
            all.add(new Shift(shift, members.stream().filter(m -> m.shift() == shift).toList(), next(w, shift).key().toString()));
        }
        RosterStore.Breaks breaks = store.breaks();
        Duration rest = props.length().multipliedBy(props.shifts() - 1L);
        return new Roster(props.shifts(), props.length().toHours(), w.shift(), all.get(w.shift() - 1).members(),
                breaks == null ? props.breaks() : breaks.breaks(), breaks == null ? null : breaks.setBy(),
                breaks == null ? null : breaks.setAt(), rest.toHours(), next(w, w.shift()).key().toString(), all);
    }

    /** The first watch after {@code w} that {@code shift} is on. */
    private WatchCalendar.Watch next(WatchCalendar.Watch w, int shift) {
        WatchCalendar.Watch n = calendar.of(w.key().plus(props.length()));
        while (n.shift() != shift) {
            n = calendar.of(n.key().plus(props.length()));
        }
        return n;
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    Roster assign(int shift, String by, Assignment a) {
        checkShift(shift, by);
        String name = name(a.name(), by);
        String post = a.post() == null || a.post().isBlank() ? null : a.post().strip();
        if (post != null && post.length() > 200) {
            throw refused(by, "a post has at most 200 characters");
        }
        store.change(shift, name, post, "ASSIGN", by);
        audit.append(by, "roster-assigned", Map.of("shift", shift, "name", name, "post", post == null ? "" : post));
        log.info("roster: {} on shift {} ({}) by {}", name, shift, post, by);
        return roster(calendar.current());
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    Roster remove(int shift, String by, String who) {
        checkShift(shift, by);
        String name = name(who, by);
        if (store.members().stream().noneMatch(m -> m.shift() == shift && m.name().equals(name))) {
            log.warn("user={} roster removal refused: {} is not on shift {}", by, name, shift);
            throw WatchProblem.notFound(ProblemCodes.NOT_ON_ROSTER, name + " is not on shift " + shift);
        }
        store.change(shift, name, null, "REMOVE", by);
        audit.append(by, "roster-removed", Map.of("shift", shift, "name", name));
        log.info("roster: {} off shift {} by {}", name, shift, by);
        return roster(calendar.current());
    }

    /** The chief's schedule: each break {@code HH:mm-HH:mm}, within the watch, none overlapping another. */
    @Transactional(noRollbackFor = WatchProblem.class)
    Roster setBreaks(String by, List<String> breaks) {
        if (breaks == null || breaks.size() > MAX_BREAKS) {
            throw refused(by, "a break schedule lists up to " + MAX_BREAKS + " breaks");
        }
        List<int[]> spans = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        for (String b : breaks) {
            var m = b == null ? null : BREAK.matcher(b.strip());
            if (m == null || !m.matches()) {
                throw refused(by, "a break is HH:mm-HH:mm, not '" + b + "'");
            }
            int from;
            int to;
            try {
                from = LocalTime.parse(m.group(1)).toSecondOfDay() / 60;
                to = LocalTime.parse(m.group(2)).toSecondOfDay() / 60;
            } catch (DateTimeParseException e) {
                throw refused(by, "'" + b + "' is no time of day");
            }
            if (to <= from) {
                to += 24 * 60; // a break over midnight
            }
            if (to - from > 4 * 60) {
                throw refused(by, "the break " + b + " is longer than 4 hours");
            }
            for (int[] s : spans) {
                if (from < s[1] && s[0] < to || from + 1440 < s[1] && s[0] < to + 1440 || from < s[1] + 1440 && s[0] + 1440 < to) {
                    throw refused(by, "the break " + b + " overlaps another");
                }
            }
            spans.add(new int[] {from, to});
            clean.add(b.strip());
        }
        store.setBreaks(clean, by);
        audit.append(by, "breaks-set", Map.of("breaks", clean));
        log.info("break schedule {} set by {}", clean, by);
        return roster(calendar.current());
    }

    private void checkShift(int shift, String by) {
        if (shift < 1 || shift > props.shifts()) {
            throw refused(by, "the shifts are 1 to " + props.shifts() + ", not " + shift);
        }
    }

    private String name(String name, String by) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw refused(by, "a roster names its member in 1 to 200 characters");
        }
        return name.strip();
    }

    private WatchProblem refused(String by, String detail) {
        log.warn("user={} roster refused: {}", by, detail);
        audit.append(by, "roster-refused", Map.of("reason", detail));
        return WatchProblem.invalid(detail);
    }
}
