package kz.line102.callcenter.install.preflight;

import java.util.List;
import java.util.Locale;

/**
 * One result of the preflight. The words are not here: {@code outcome} picks the bundle's
 * {@code preflight.<id>.<outcome>} (what was found) and {@code preflight.<id>.<outcome>.fix}
 * (what to change, absent when nothing is to change), filled with {@code args}.
 *
 * @param id      stable kebab-case name of the check (a check may give several findings)
 * @param status  how it went
 * @param outcome which message of the check
 * @param args    the values the message shows ({0}, {1}, ...)
 */
public record Finding(String id, Status status, String outcome, List<Object> args) {

    public enum Status {
        OK, WARN, FAIL, SKIPPED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        // As text: MessageFormat would group a port's digits (4,599) by the reader's locale.
        args = List.copyOf(args.stream().map(a -> a == null ? "-" : (Object) String.valueOf(a)).toList());
    }

    static Finding ok(String id, String outcome, Object... args) {
        return new Finding(id, Status.OK, outcome, java.util.Arrays.asList(args));
    }

    static Finding warn(String id, String outcome, Object... args) {
        return new Finding(id, Status.WARN, outcome, java.util.Arrays.asList(args));
    }

    static Finding fail(String id, String outcome, Object... args) {
        return new Finding(id, Status.FAIL, outcome, java.util.Arrays.asList(args));
    }

    static Finding skipped(String id, String outcome, Object... args) {
        return new Finding(id, Status.SKIPPED, outcome, java.util.Arrays.asList(args));
    }

    String messageKey() {
        return "preflight." + id + "." + outcome;
    }
}
