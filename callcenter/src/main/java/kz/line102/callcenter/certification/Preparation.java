package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * The periods of the preparation and the paperwork (items 7–15, 33–35 and the appeal), every
 * one a setting ({@code line102.callcenter.certification.preparation.*}) for the same reason
 * as {@link CertificationRules}.
 *
 * @param listPeriod         the list covers this long from its first day (6 months)
 * @param notifyBefore       the written notice, at least this long before the meeting (1 month)
 * @param profileBefore      the service profile submitted (3 weeks)
 * @param acknowledgeBefore  the employee acquainted with it under signature (2 weeks)
 * @param fileBefore         the file reaches the commission (1 week)
 * @param minutesWorkingDays the minutes signed within this many working days (3)
 * @param sheetWorkingDays   the certification sheet signed by the employee within (3)
 * @param appealWithin       the decision may be appealed within (1 month)
 * @param holidays           days off besides Saturdays and Sundays, for the working-day counts
 * @param announceBefore     a meeting is announced this long before it, opening observers' applications (1 week)
 * @param observersClose     observers apply no later than this many working days before the meeting (1)
 * @param maxObservers       observers admitted to one meeting (3)
 */
public record Preparation(Period listPeriod, Period notifyBefore, Period profileBefore, Period acknowledgeBefore,
                          Period fileBefore, int minutesWorkingDays, int sheetWorkingDays, Period appealWithin,
                          List<LocalDate> holidays, Period announceBefore, int observersClose, int maxObservers) {

    public Preparation {
        for (Period p : new Period[] {listPeriod, notifyBefore, profileBefore, acknowledgeBefore, fileBefore,
                appealWithin}) {
            Objects.requireNonNull(p, "every certification preparation period must be set");
            if (p.isNegative()) {
                throw new IllegalArgumentException("a certification preparation period cannot be negative: " + p);
            }
        }
        if (listPeriod.isZero()) {
            throw new IllegalArgumentException("the certification list cannot cover zero days");
        }
        announceBefore = announceBefore == null ? Period.ofWeeks(1) : announceBefore;
        if (maxObservers < 0 || maxObservers > 10) {
            throw new IllegalArgumentException("observers of a meeting: 0 to 10, not " + maxObservers);
        }
        if (minutesWorkingDays < 0 || sheetWorkingDays < 0 || observersClose < 0) {
            throw new IllegalArgumentException("working days cannot be negative");
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /** The model regulation's own numbers; application.yml repeats them as the defaults. */
    public static Preparation regulation() {
        return new Preparation(Period.ofMonths(6), Period.ofMonths(1), Period.ofWeeks(3), Period.ofWeeks(2),
                Period.ofWeeks(1), 3, 3, Period.ofMonths(1), List.of(), Period.ofWeeks(1), 1, 3);
    }
}
