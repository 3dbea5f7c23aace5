package kz.line102.callcenter.security;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.security.need-to-know.*}: who sees whose personal data.
 *
 * @param lookupsPerWindow  caller-card lookups with a stated reason (numbers not on the user's
 *                          calls) one user may make per {@code lookupWindow}
 * @param lookupWindow      the window those lookups are counted in
 * @param minReasonChars    the shortest reason accepted
 * @param numberKey         key of the HMAC that stands for a number in the audit trail (from the
 *                          environment); empty: a plain SHA-256, which a list of all numbers reverses
 * @param logFullNumbers    log caller numbers in full (a debugging session only; off by default)
 */
@Validated
@ConfigurationProperties("line102.callcenter.security.need-to-know")
public record NeedToKnowProperties(@Min(0) int lookupsPerWindow, @NotNull Duration lookupWindow,
                                   @Min(1) @Max(200) int minReasonChars, String numberKey,
                                   boolean logFullNumbers) {

    public NeedToKnowProperties {
        numberKey = numberKey == null ? "" : numberKey;
    }

    @Override
    public String toString() {
        return "NeedToKnowProperties[lookupsPerWindow=" + lookupsPerWindow + ", lookupWindow=" + lookupWindow
                + ", minReasonChars=" + minReasonChars + ", numberKey=" + (numberKey.isEmpty() ? "" : "***")
                + ", logFullNumbers=" + logFullNumbers + "]";
    }
}
