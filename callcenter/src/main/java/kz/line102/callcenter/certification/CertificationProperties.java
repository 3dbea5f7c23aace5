package kz.line102.callcenter.certification;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.certification.*}; every default is the model regulation's.
 *
 * @param rules            the periods of items 3–5 and 37 ({@link CertificationRules})
 * @param testPassScore    the computer test's threshold (0–100) for admission to the interview
 * @param quorumPresent    with {@code quorumOf}: the share of members that must be present (2/3)
 * @param quorumOf         the denominator of that share
 * @param remindDaysAhead  the daily pass reminds of employees due within this many days (and overdue)
 * @param passInterval     how often the pass runs (daily); a second node's pass raises nothing twice
 * @param zone             the centre's zone: what "today" is for due dates
 * @param csvDelimiter     {@code ;} is what Excel expects with Russian and Kazakh settings
 * @param preparation      the list, calendar and paperwork periods ({@link Preparation}); the
 *                         regulation's when not configured
 * @param maxQuestions     questions put to the employee at the interview (item 28: at most 15)
 * @param commission       what a commission's composition must include besides its members' posts
 *                         (items 16–17: personnel officers and heads of divisions)
 */
@Validated
@ConfigurationProperties("line102.callcenter.certification")
public record CertificationProperties(@NotNull CertificationRules rules, @Min(0) @Max(100) int testPassScore,
                                      @Min(1) int quorumPresent, @Min(1) int quorumOf,
                                      @Min(0) @Max(3650) int remindDaysAhead, @NotNull Duration passInterval,
                                      @NotNull ZoneId zone, @NotNull @Pattern(regexp = "[,;\t]") String csvDelimiter,
                                      Preparation preparation, @Min(1) @Max(100) Integer maxQuestions,
                                      Composition commission) {

    public CertificationProperties {
        preparation = preparation == null ? Preparation.regulation() : preparation;
        maxQuestions = maxQuestions == null ? 15 : maxQuestions;
        commission = commission == null ? new Composition(null, null) : commission;
        if (quorumPresent > quorumOf) {
            throw new IllegalArgumentException("the certification quorum cannot be more than all members: "
                    + quorumPresent + "/" + quorumOf);
        }
    }

    /**
     * {@code commission.*}: whether a commission needs a personnel officer (an account with role
     * PERSONNEL) and a head of a division (a current posting marked head) among its members; both
     * by default, as the regulation has it.
     */
    public record Composition(Boolean personnelOfficerRequired, Boolean headRequired) {

        public Composition {
            personnelOfficerRequired = personnelOfficerRequired == null || personnelOfficerRequired;
            headRequired = headRequired == null || headRequired;
        }
    }
}
