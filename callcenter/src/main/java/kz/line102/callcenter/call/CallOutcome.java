package kz.line102.callcenter.call;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a call ended; a call still in progress has none. */
public enum CallOutcome {
    ANSWERED, ABANDONED, TIMED_OUT, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CallOutcome> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst();
    }
}
