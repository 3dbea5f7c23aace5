package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The deadlines counted from a meeting, worked by hand from the regulation's periods. */
class PreparationCalendarTest {

    private final PreparationCalendar calendar = new PreparationCalendar(Preparation.regulation());

    @Test
    void everyDeadlineOfAMeetingOnAWednesday() {
        LocalDate meeting = LocalDate.of(2027, 3, 17);
        Map<PreparationCalendar.Kind, LocalDate> d = calendar.deadlines(meeting);
        assertThat(d.get(PreparationCalendar.Kind.NOTIFICATION)).isEqualTo(LocalDate.of(2027, 2, 17));
        assertThat(d.get(PreparationCalendar.Kind.PROFILE)).isEqualTo(LocalDate.of(2027, 2, 24));
        assertThat(d.get(PreparationCalendar.Kind.ACKNOWLEDGEMENT)).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(d.get(PreparationCalendar.Kind.FILE)).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(d.get(PreparationCalendar.Kind.MINUTES)).isEqualTo(LocalDate.of(2027, 3, 22));
        assertThat(d.get(PreparationCalendar.Kind.SHEET)).isEqualTo(LocalDate.of(2027, 3, 22));
    }

    @Test
    void threeWorkingDaysSkipTheWeekendAndAConfiguredHoliday() {
        LocalDate friday = LocalDate.of(2027, 1, 8);
        assertThat(calendar.workingDaysAfter(friday, 3)).isEqualTo(LocalDate.of(2027, 1, 13));
        PreparationCalendar withHoliday = new PreparationCalendar(new Preparation(Period.ofMonths(6),
                Period.ofMonths(1), Period.ofWeeks(3), Period.ofWeeks(2), Period.ofWeeks(1), 3, 3,
                Period.ofMonths(1), List.of(LocalDate.of(2027, 1, 11)), Period.ofWeeks(1), 1, 3));
        assertThat(withHoliday.workingDaysAfter(friday, 3)).isEqualTo(LocalDate.of(2027, 1, 14));
    }

    @Test
    void aNoticeForAMeetingOnTheThirtyFirstIsDueOnTheLastDayOfTheMonthBefore() {
        assertThat(calendar.notifyBy(LocalDate.of(2027, 3, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(calendar.appealBy(LocalDate.of(2027, 1, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
    }
}
