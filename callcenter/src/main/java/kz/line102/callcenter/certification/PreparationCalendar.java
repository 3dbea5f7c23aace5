package kz.line102.callcenter.certification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The deadlines of items 7–15 and 33–35 counted from a meeting date: notice a month before,
 * the profile three weeks before, the employee's acknowledgement two weeks before, the file
 * to the commission a week before; the minutes and the employee's signature on the sheet
 * within three working days after. Pure; every period is a {@link Preparation} setting.
 */
final class PreparationCalendar {

    /** The deadlines a case keeps (and that can be overdue); windows are computed when read. */
    enum Kind {
        NOTIFICATION, PROFILE, ACKNOWLEDGEMENT, FILE, MINUTES, SHEET;

        static Kind parse(String text) {
            try {
                return valueOf(text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw CertificationProblem.invalid(ProblemCodes.UNKNOWN_DEADLINE, "no deadline '" + text + "'; the deadlines are "
                        + java.util.Arrays.toString(values()));
            }
        }
    }

    private final Preparation p;
    private final Set<LocalDate> holidays;

    PreparationCalendar(Preparation p) {
        this.p = p;
        this.holidays = new HashSet<>(p.holidays());
    }

    Map<Kind, LocalDate> deadlines(LocalDate meeting) {
        Map<Kind, LocalDate> d = new EnumMap<>(Kind.class);
        d.put(Kind.NOTIFICATION, meeting.minus(p.notifyBefore()));
        d.put(Kind.PROFILE, meeting.minus(p.profileBefore()));
        d.put(Kind.ACKNOWLEDGEMENT, meeting.minus(p.acknowledgeBefore()));
        d.put(Kind.FILE, meeting.minus(p.fileBefore()));
        d.put(Kind.MINUTES, workingDaysAfter(meeting, p.minutesWorkingDays()));
        d.put(Kind.SHEET, workingDaysAfter(meeting, p.sheetWorkingDays()));
        return d;
    }

    /** The last day to notify of a meeting on {@code meeting}. */
    LocalDate notifyBy(LocalDate meeting) {
        return meeting.minus(p.notifyBefore());
    }

    LocalDate appealBy(LocalDate decided) {
        return decided.plus(p.appealWithin());
    }

    /** The {@code n}-th working day after {@code day} (weekends and the configured holidays skipped). */
    LocalDate workingDaysAfter(LocalDate day, int n) {
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (working(d)) {
                left--;
            }
        }
        return d;
    }

    /** The {@code n}-th working day before {@code day}. */
    LocalDate workingDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.minusDays(1);
            if (working(d)) {
                left--;
            }
        }
        return d;
    }

    /** Observers apply from the announcement to the last day of their window (both included). */
    LocalDate observersFrom(LocalDate meeting) {
        return meeting.minus(p.announceBefore());
    }

    LocalDate observersUntil(LocalDate meeting) {
        return workingDaysBefore(meeting, p.observersClose());
    }

    boolean working(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(d);
    }
}
