package kz.line102.callcenter.certification;

import java.time.Period;
import java.util.Objects;

/**
 * The periods and thresholds of the regulation (items 3–5 and 37), every one a setting
 * ({@code line102.callcenter.certification.rules.*}): the decree was abolished in 2022 and
 * its successor's numbers are not at hand, so none of them is written into the code.
 *
 * @param regularInterval   continuous service between certifications (3 years)
 * @param grace             how long after the due date it may still be held (6 months)
 * @param newPostDelay      after an appointment to a new post (1 year)
 * @param maxBreak          the longest break that keeps service continuous (3 months)
 * @param exemptService     service after which an employee is exempt (20 years)
 * @param graduateFloor     graduates under state order: not earlier than this after appointment (1 year)
 * @param secondmentFloor   seconded employees on return: not earlier than this after taking up the post (1 year)
 * @param recertifyEarliest a re-certification: not earlier than this after the first (3 months)
 * @param recertifyLatest   a re-certification: not later than this after the first (6 months)
 */
public record CertificationRules(Period regularInterval, Period grace, Period newPostDelay, Period maxBreak,
                                 Period exemptService, Period graduateFloor, Period secondmentFloor,
                                 Period recertifyEarliest, Period recertifyLatest) {

    public CertificationRules {
        for (Period p : new Period[] {regularInterval, grace, newPostDelay, maxBreak, exemptService, graduateFloor,
                secondmentFloor, recertifyEarliest, recertifyLatest}) {
            Objects.requireNonNull(p, "every certification period must be set");
            if (p.isNegative()) {
                throw new IllegalArgumentException("a certification period cannot be negative: " + p);
            }
        }
        if (regularInterval.isZero()) {
            throw new IllegalArgumentException("the regular interval of certification cannot be zero");
        }
    }

    /** The model regulation's own numbers; application.yml repeats them as the defaults. */
    public static CertificationRules regulation() {
        return new CertificationRules(Period.ofYears(3), Period.ofMonths(6), Period.ofYears(1), Period.ofMonths(3),
                Period.ofYears(20), Period.ofYears(1), Period.ofYears(1), Period.ofMonths(3), Period.ofMonths(6));
    }
}
