package kz.line102.callcenter.certification;

import static java.time.LocalDate.of;
import static java.time.temporal.ChronoUnit.DAYS;
import static kz.line102.callcenter.certification.Posting.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import kz.line102.callcenter.certification.Due.Status;
import kz.line102.callcenter.certification.Posting.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Worked examples of items 3–5 of the model regulation, one per rule and boundary. */
class DueRulesTest {

    final DueRules rules = new DueRules(CertificationRules.regulation());

    private Due due(ServiceHistory history, LocalDate asOf) {
        return rules.evaluate(history, asOf);
    }

    @Nested
    class EveryThreeYears {

        @Test
        void aNewEmployeeIsDueThreeYearsAfterTheFirstDayAndNoLaterThanSixMonthsAfter() {
            Due d = due(ServiceHistory.of(post(of(2020, 1, 15), null, "operator")), of(2022, 6, 1));
            assertThat(d).isEqualTo(new Due(Status.UPCOMING, of(2023, 1, 15), of(2023, 7, 15), "regular",
                    of(2020, 1, 15), of(2040, 1, 15)));
        }

        @Test
        void theWindowOpensOnTheDueDayAndClosesAfterItsLastDay() {
            ServiceHistory h = ServiceHistory.of(post(of(2020, 1, 15), null, "operator"));
            assertThat(due(h, of(2023, 1, 14)).status()).isEqualTo(Status.UPCOMING);
            assertThat(due(h, of(2023, 1, 15)).status()).isEqualTo(Status.DUE);
            assertThat(due(h, of(2023, 7, 15)).status()).isEqualTo(Status.DUE);
            assertThat(due(h, of(2023, 7, 16)).status()).isEqualTo(Status.OVERDUE);
        }

        @Test
        void theClockRunsFromTheLastCertification() {
            ServiceHistory h = ServiceHistory.of(post(of(2010, 3, 1), null, "inspector"))
                    .certifiedOn(of(2023, 3, 10), false);
            Due d = due(h, of(2024, 1, 1));
            assertThat(d.dueOn()).isEqualTo(of(2026, 3, 10));
            assertThat(d.latestOn()).isEqualTo(of(2026, 9, 10));
            assertThat(d.reason()).isEqualTo("regular");
        }

        @Test
        void aNeverCertifiedEmployeeOfLongStandingIsOverdueNotRolledForward() {
            Due d = due(ServiceHistory.of(post(of(2015, 6, 1), null, "operator")), of(2019, 1, 1));
            assertThat(d.status()).isEqualTo(Status.OVERDUE);
            assertThat(d.dueOn()).isEqualTo(of(2018, 6, 1));
        }

        @Test
        void threeYearsFromTheTwentyNinthOfFebruaryEndOnTheTwentyEighth() {
            Due d = due(ServiceHistory.of(post(of(2020, 2, 29), null, "operator")), of(2021, 1, 1));
            assertThat(d.dueOn()).isEqualTo(of(2023, 2, 28));
            assertThat(d.latestOn()).isEqualTo(of(2023, 8, 28));
        }

        @Test
        void sixMonthsFromTheThirtyFirstOfAugustEndOnALeapDay() {
            Due d = due(ServiceHistory.of(post(of(2020, 8, 31), null, "operator")), of(2021, 1, 1));
            assertThat(d.dueOn()).isEqualTo(of(2023, 8, 31));
            assertThat(d.latestOn()).isEqualTo(of(2024, 2, 29));
            assertThat(due(ServiceHistory.of(post(of(2020, 8, 31), null, "o")), of(2024, 2, 29)).status())
                    .isEqualTo(Status.DUE);
            assertThat(due(ServiceHistory.of(post(of(2020, 8, 31), null, "o")), of(2024, 3, 1)).status())
                    .isEqualTo(Status.OVERDUE);
        }

        @Test
        void aCertificationBeforeTheContinuousServiceDoesNotCount() {
            ServiceHistory h = new ServiceHistory(List.of(post(of(2010, 1, 1), of(2016, 12, 31), "operator"),
                    post(of(2018, 1, 1), null, "operator")), of(2015, 5, 5), false);
            Due d = due(h, of(2019, 1, 1));
            assertThat(d.serviceFrom()).isEqualTo(of(2018, 1, 1));
            assertThat(d.dueOn()).isEqualTo(of(2021, 1, 1));
        }
    }

    @Nested
    class NewPost {

        final Posting first = post(of(2015, 1, 1), of(2022, 3, 31), "operator");

        @Test
        void anAppointmentToANewPostIsDueAYearLaterWhenThatComesFirst() {
            ServiceHistory h = new ServiceHistory(List.of(first, post(of(2022, 4, 1), null, "senior operator")),
                    of(2021, 1, 1), false);
            Due d = due(h, of(2022, 5, 1));
            assertThat(d.dueOn()).isEqualTo(of(2023, 4, 1));
            assertThat(d.reason()).isEqualTo("new-post");
        }

        @Test
        void theRegularDateStandsWhenItComesBeforeTheNewPostsYear() {
            ServiceHistory h = new ServiceHistory(List.of(post(of(2015, 1, 1), of(2023, 8, 31), "operator"),
                    post(of(2023, 9, 1), null, "senior operator")), of(2021, 1, 1), false);
            Due d = due(h, of(2023, 10, 1));
            assertThat(d.dueOn()).isEqualTo(of(2024, 1, 1));
            assertThat(d.reason()).isEqualTo("regular");
        }

        @Test
        void anEquivalentPostWithoutAChangeOfDutiesDoesNotResetTheClock() {
            ServiceHistory h = new ServiceHistory(List.of(first,
                    post(of(2022, 4, 1), null, "operator, other shift").asEquivalent()), of(2021, 1, 1), false);
            Due d = due(h, of(2022, 5, 1));
            assertThat(d.dueOn()).isEqualTo(of(2024, 1, 1));
            assertThat(d.reason()).isEqualTo("regular");
        }

        @Test
        void aNewPostAlreadyFollowedByACertificationCountsNoMore() {
            ServiceHistory h = new ServiceHistory(List.of(first, post(of(2022, 4, 1), null, "senior operator")),
                    of(2023, 4, 3), false);
            Due d = due(h, of(2023, 5, 1));
            assertThat(d.dueOn()).isEqualTo(of(2026, 4, 3));
            assertThat(d.reason()).isEqualTo("regular");
        }
    }

    @Nested
    class Breaks {

        private Due afterBreak(LocalDate lastDay, LocalDate back, boolean employedElsewhere) {
            Posting returned = post(back, null, "operator");
            return due(ServiceHistory.of(post(of(2019, 2, 1), lastDay, "operator"),
                    employedElsewhere ? returned.afterOtherEmployment() : returned), back.plusDays(10));
        }

        @Test
        void aBreakOfExactlyThreeMonthsKeepsTheServiceContinuous() {
            // Break from 1 February to 30 April 2021 inclusive: three months, 89 days.
            assertThat(DAYS.between(of(2021, 2, 1), of(2021, 5, 1))).isEqualTo(89);
            Due d = afterBreak(of(2021, 1, 31), of(2021, 5, 1), false);
            assertThat(d.serviceFrom()).isEqualTo(of(2019, 2, 1));
            assertThat(d.dueOn()).isEqualTo(of(2022, 2, 1));
        }

        @Test
        void aBreakOfThreeMonthsAndOneDayStartsTheServiceAgain() {
            Due d = afterBreak(of(2021, 1, 31), of(2021, 5, 2), false);
            assertThat(d.serviceFrom()).isEqualTo(of(2021, 5, 2));
            assertThat(d.dueOn()).isEqualTo(of(2024, 5, 2));
        }

        @Test
        void overALeapFebruaryThreeMonthsAreNinetyOneDays() {
            // 1 December 2023 to 29 February 2024 inclusive.
            assertThat(DAYS.between(of(2023, 12, 1), of(2024, 3, 1))).isEqualTo(91);
            assertThat(afterBreak(of(2023, 11, 30), of(2024, 3, 1), false).serviceFrom()).isEqualTo(of(2019, 2, 1));
            assertThat(afterBreak(of(2023, 11, 30), of(2024, 3, 2), false).serviceFrom()).isEqualTo(of(2024, 3, 2));
        }

        @Test
        void aShortBreakWithOtherEmploymentEndsTheContinuity() {
            Due d = afterBreak(of(2021, 1, 31), of(2021, 3, 1), true);
            assertThat(d.serviceFrom()).isEqualTo(of(2021, 3, 1));
        }

        @Test
        void postsOneAfterAnotherHaveNoBreakEvenAfterOtherEmploymentIsTicked() {
            Due d = afterBreak(of(2021, 1, 31), of(2021, 2, 1), true);
            assertThat(d.serviceFrom()).isEqualTo(of(2019, 2, 1));
        }

        @Test
        void nobodyIsDueOnABreakOrAfterLeaving() {
            ServiceHistory h = ServiceHistory.of(post(of(2015, 1, 1), of(2020, 12, 31), "operator"),
                    post(of(2021, 3, 1), of(2022, 6, 30), "operator"));
            assertThat(due(h, of(2021, 2, 1)).reason()).isEqualTo("not-in-service");
            assertThat(due(h, of(2022, 7, 1)).status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(due(h, of(2014, 12, 31)).reason()).isEqualTo("not-in-service");
        }
    }

    @Nested
    class Exemptions {

        @Test
        void headsAndDeputiesAreExempt() {
            Due d = due(ServiceHistory.of(post(of(2015, 1, 1), null, "deputy head of the centre").asHead()),
                    of(2023, 1, 1));
            assertThat(d.status()).isEqualTo(Status.EXEMPT);
            assertThat(d.reason()).isEqualTo("head-or-deputy");
            assertThat(d.dueOn()).isNull();
        }

        @Test
        void twentyYearsReachedByTheDueDayExempt() {
            ServiceHistory h = ServiceHistory.of(post(of(2004, 5, 1), null, "operator"))
                    .certifiedOn(of(2021, 5, 1), false);
            Due d = due(h, of(2024, 4, 30));
            assertThat(d.status()).isEqualTo(Status.EXEMPT);
            assertThat(d.reason()).isEqualTo("long-service");
            assertThat(d.exemptFrom()).isEqualTo(of(2024, 5, 1));
        }

        @Test
        void oneDayShortOfTwentyYearsOnTheDueDayIsDueUntilTheTwentiethYearIsReached() {
            ServiceHistory h = ServiceHistory.of(post(of(2004, 5, 2), null, "operator"))
                    .certifiedOn(of(2021, 5, 1), false);
            assertThat(due(h, of(2024, 4, 30)).status()).isEqualTo(Status.UPCOMING);
            assertThat(due(h, of(2024, 5, 1)).status()).isEqualTo(Status.DUE);
            assertThat(due(h, of(2024, 5, 2)).status()).isEqualTo(Status.EXEMPT);
        }

        @Test
        void serviceBeforeABreakCountsTowardsTwentyYearsButTheBreakDoesNot() {
            // 2000-01-01..2009-12-31 is 3,653 days; moved before 2012-01-01 it starts 2001-12-31.
            ServiceHistory h = ServiceHistory.of(post(of(2000, 1, 1), of(2009, 12, 31), "operator"),
                    post(of(2012, 1, 1), null, "operator"));
            Due d = due(h, of(2013, 1, 1));
            assertThat(d.exemptFrom()).isEqualTo(of(2021, 12, 31));
            assertThat(d.serviceFrom()).isEqualTo(of(2012, 1, 1));
            assertThat(due(h, of(2021, 12, 31)).status()).isEqualTo(Status.EXEMPT);
            // Overdue the day before the twentieth year is complete, exempt on that day.
            ServiceHistory certified = h.certifiedOn(of(2018, 1, 1), false);
            assertThat(due(certified, of(2021, 12, 30)).status()).isEqualTo(Status.OVERDUE);
            assertThat(due(certified, of(2021, 12, 31)).status()).isEqualTo(Status.EXEMPT);
        }

        @Test
        void aGraduateUnderStateOrderIsNotDueEarlierThanAYearAfterAppointment() {
            Posting study = post(of(2018, 9, 1), of(2022, 6, 30), "cadet").as(Kind.STUDY);
            ServiceHistory h = ServiceHistory.of(study, post(of(2022, 8, 1), null, "operator"));
            Due d = due(h, of(2022, 9, 1));
            assertThat(d.serviceFrom()).isEqualTo(of(2018, 9, 1));
            assertThat(d.dueOn()).isEqualTo(of(2023, 8, 1));
            assertThat(d.latestOn()).isEqualTo(of(2024, 2, 1));
            assertThat(d.reason()).isEqualTo("graduate-floor");
            assertThat(due(h, of(2020, 1, 1)).reason()).isEqualTo("studying");
        }

        @Test
        void aSecondedEmployeeOnReturnIsNotDueEarlierThanAYearAfterTakingUpThePost() {
            ServiceHistory h = new ServiceHistory(List.of(post(of(2015, 1, 10), of(2020, 12, 31), "inspector"),
                    post(of(2021, 1, 1), of(2022, 10, 31), "seconded to the ministry").as(Kind.SECONDMENT),
                    post(of(2022, 11, 1), null, "inspector")), of(2019, 3, 1), false);
            Due d = due(h, of(2022, 12, 1));
            assertThat(d.dueOn()).isEqualTo(of(2023, 11, 1));
            assertThat(d.reason()).isEqualTo("secondment-floor");
            Due away = due(h, of(2022, 3, 1));
            assertThat(away.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(away.reason()).isEqualTo("seconded");
        }

        @Test
        void aSecondedEmployeeCertifiedAfterReturnFollowsTheRegularClock() {
            ServiceHistory h = new ServiceHistory(List.of(post(of(2015, 1, 10), of(2020, 12, 31), "inspector"),
                    post(of(2021, 1, 1), of(2022, 10, 31), "seconded").as(Kind.SECONDMENT),
                    post(of(2022, 11, 1), null, "inspector")), of(2023, 11, 20), false);
            assertThat(due(h, of(2024, 1, 1)).dueOn()).isEqualTo(of(2026, 11, 20));
        }
    }

    @Nested
    class Recertification {

        @Test
        void aReCertificationFallsBetweenThreeAndSixMonthsAfterTheFirst() {
            ServiceHistory h = ServiceHistory.of(post(of(2015, 1, 1), null, "operator"))
                    .certifiedOn(of(2024, 1, 10), true);
            Due d = due(h, of(2024, 2, 1));
            assertThat(d).isEqualTo(new Due(Status.UPCOMING, of(2024, 4, 10), of(2024, 7, 10), "recertification",
                    of(2015, 1, 1), of(2035, 1, 1)));
            assertThat(due(h, of(2024, 4, 9)).status()).isEqualTo(Status.UPCOMING);
            assertThat(due(h, of(2024, 7, 11)).status()).isEqualTo(Status.OVERDUE);
        }
    }

    @Nested
    class BadHistories {

        @Test
        void anEndBeforeItsStartIsImpossible() {
            assertThatThrownBy(() -> post(of(2020, 5, 1), of(2020, 4, 30), "operator"))
                    .isInstanceOfSatisfying(InvalidHistoryException.class,
                            e -> assertThat(e.code()).isEqualTo("impossible-dates"));
        }

        @Test
        void aOneDayPostIsPossible() {
            assertThat(post(of(2020, 5, 1), of(2020, 5, 1), "acting").heldOn(of(2020, 5, 1))).isTrue();
        }

        @Test
        void overlappingPostsAreRefused() {
            assertThatThrownBy(() -> ServiceHistory.of(post(of(2015, 1, 1), of(2020, 6, 1), "operator"),
                    post(of(2020, 6, 1), null, "inspector")))
                    .isInstanceOfSatisfying(InvalidHistoryException.class,
                            e -> assertThat(e.code()).isEqualTo("overlapping-posts"));
            assertThatThrownBy(() -> ServiceHistory.of(post(of(2021, 1, 1), null, "inspector"),
                    post(of(2015, 1, 1), null, "operator")))
                    .isInstanceOfSatisfying(InvalidHistoryException.class,
                            e -> assertThat(e.getMessage()).contains("still held"));
        }

        @Test
        void anEmptyHistoryOrAReCertificationWithoutTheFirstIsRefused() {
            assertThatThrownBy(() -> new ServiceHistory(List.of(), null, false))
                    .isInstanceOfSatisfying(InvalidHistoryException.class,
                            e -> assertThat(e.code()).isEqualTo("no-service"));
            assertThatThrownBy(() -> new ServiceHistory(List.of(post(of(2015, 1, 1), null, "o")), null, true))
                    .isInstanceOf(InvalidHistoryException.class);
        }
    }

    @Nested
    class Settings {

        @Test
        void everyPeriodIsASettingNotAConstant() {
            CertificationRules five = new CertificationRules(Period.ofYears(5), Period.ofMonths(2), Period.ofMonths(18),
                    Period.ofMonths(1), Period.ofYears(25), Period.ofYears(2), Period.ofYears(2), Period.ofMonths(4),
                    Period.ofMonths(8));
            DueRules other = new DueRules(five);
            Due d = other.evaluate(ServiceHistory.of(post(of(2020, 1, 15), null, "operator")), of(2021, 1, 1));
            assertThat(d.dueOn()).isEqualTo(of(2025, 1, 15));
            assertThat(d.latestOn()).isEqualTo(of(2025, 3, 15));
            assertThat(d.exemptFrom()).isEqualTo(of(2045, 1, 15));
            // A one-month limit on breaks: the 2-month break that the regulation forgives now ends the service.
            ServiceHistory broken = ServiceHistory.of(post(of(2015, 1, 1), of(2020, 12, 31), "o"),
                    post(of(2021, 3, 1), null, "o"));
            assertThat(rules.evaluate(broken, of(2021, 4, 1)).serviceFrom()).isEqualTo(of(2015, 1, 1));
            assertThat(other.evaluate(broken, of(2021, 4, 1)).serviceFrom()).isEqualTo(of(2021, 3, 1));
        }

        @Test
        void aNegativeOrMissingPeriodIsRefused() {
            assertThatThrownBy(() -> new CertificationRules(Period.ofYears(-3), Period.ZERO, Period.ZERO, Period.ZERO,
                    Period.ZERO, Period.ZERO, Period.ZERO, Period.ZERO, Period.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new CertificationRules(Period.ofYears(3), null, Period.ZERO, Period.ZERO,
                    Period.ZERO, Period.ZERO, Period.ZERO, Period.ZERO, Period.ZERO))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
