package kz.line102.callcenter.certification;

import java.util.Locale;

/** The stages of a certification, in the regulation's order (item 6). */
public enum Stage {
    PREPARATION, STANDARDS, TEST, POLYGRAPH, INTERVIEW, DECISION;

    static Stage parse(String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CertificationProblem.invalid(ProblemCodes.UNKNOWN_STAGE, "no stage '" + text + "'; the stages are "
                    + java.util.Arrays.toString(values()));
        }
    }
}
