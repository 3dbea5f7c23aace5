package kz.line102.callcenter.certification;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The decisions of the regulation (items 31 and 37): after a first certification one of the
 * first four; after a re-certification one of {@code CORRESPONDS}, {@code DEMOTION},
 * {@code DISMISSAL}.
 */
public enum Decision {
    /** Corresponds and is recommended for the reserve or promotion. */
    CORRESPONDS_RESERVE,
    CORRESPONDS,
    RECERTIFY,
    /** Does not correspond; recommended for demotion. */
    DEMOTION,
    DISMISSAL;

    static final Set<Decision> AFTER_FIRST = EnumSet.of(CORRESPONDS_RESERVE, CORRESPONDS, RECERTIFY, DEMOTION);
    static final Set<Decision> AFTER_RECERTIFICATION = EnumSet.of(CORRESPONDS, DEMOTION, DISMISSAL);

    static Set<Decision> allowed(boolean recertification) {
        return recertification ? AFTER_RECERTIFICATION : AFTER_FIRST;
    }

    static Decision parse(String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CertificationProblem.invalid(ProblemCodes.UNKNOWN_DECISION, "no decision '" + text + "'; the decisions are "
                    + java.util.Arrays.toString(values()));
        }
    }
}
