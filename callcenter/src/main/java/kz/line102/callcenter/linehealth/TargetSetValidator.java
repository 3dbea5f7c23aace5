package kz.line102.callcenter.linehealth;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kz.line102.callcenter.app.FieldProblem;
import kz.line102.callcenter.linehealth.TargetSet.TargetSpec;
import kz.line102.callcenter.linehealth.TargetSet.TestCallSchedule;
import kz.line102.cti.sip.SipPeer;
import kz.line102.cti.sip.Transport;

/**
 * Every reason a target set cannot be saved, each naming its field
 * ({@code targets[2].timeoutMs}, {@code testCalls.from}) and a code whose text is
 * {@code field.<code>} of the message bundle, so the page shows it beside the field in
 * the user's language.
 */
final class TargetSetValidator {

    static final int MAX_TARGETS = 5000;
    private static final int MAX_INTERVAL_MS = 3_600_000;
    private static final int MAX_BUDGET_MS = 3_600_000;

    private final LineHealthProperties props;

    TargetSetValidator(LineHealthProperties props) {
        this.props = props;
    }

    /** One field at fault. */
    record Violation(String field, String code, List<Object> args, String message) implements FieldProblem {

        /** Numbers go as text: a port or a limit is not written with the language's digit grouping. */
        Violation {
            args = args.stream().map(a -> (Object) String.valueOf(a)).toList();
        }
    }

    List<String> violations(TargetSet set) {
        return check(set).stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    List<Violation> check(TargetSet set) {
        List<Violation> out = new ArrayList<>();
        if (set.targets().size() > MAX_TARGETS) {
            out.add(new Violation("targets", "line-health.too-many-targets", List.of(MAX_TARGETS),
                    "at most " + MAX_TARGETS + " targets"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < set.targets().size(); i++) {
            target(set.targets().get(i), "targets[" + i + "].", names, out);
        }
        if (set.testCalls() != null) {
            schedule(set.testCalls(), out);
        }
        return out;
    }

    private void target(TargetSpec t, String at, Set<String> names, List<Violation> out) {
        if (t.name() == null || t.name().isBlank() || t.name().strip().length() > 100) {
            out.add(new Violation(at + "name", "line-health.name-length", List.of(100), "1 to 100 characters"));
        } else if (!names.add(t.name().strip())) {
            out.add(new Violation(at + "name", "line-health.name-taken", List.of(t.name().strip()),
                    "a target named '" + t.name().strip() + "' is in the set already"));
        }
        try {
            new SipPeer(t.host(), 5060, Transport.UDP);
        } catch (IllegalArgumentException e) {
            out.add(new Violation(at + "host", "line-health.host", List.of(), e.getMessage()));
        }
        range(t.port(), 1, 65535, at + "port", "line-health.port-range", out);
        if (t.transport() == null || !List.of("udp", "tcp").contains(t.transport().toLowerCase(Locale.ROOT))) {
            out.add(new Violation(at + "transport", "line-health.transport", List.of(), "'udp' or 'tcp'"));
        }
        int min = (int) props.minInterval().toMillis();
        boolean interval = range(t.intervalMs(), min, MAX_INTERVAL_MS, at + "intervalMs",
                "line-health.interval-range", out);
        if (range(t.timeoutMs(), 50, 60_000, at + "timeoutMs", "line-health.timeout-range", out) && interval
                && t.timeoutMs() > t.intervalMs()) {
            out.add(new Violation(at + "timeoutMs", "line-health.timeout-over-interval", List.of(t.intervalMs()),
                    "must not exceed the interval (one probe in flight per target)"));
        }
        if (t.expectedCodes() != null && (t.expectedCodes().isEmpty()
                || t.expectedCodes().stream().anyMatch(c -> c == null || c < 100 || c > 699))) {
            out.add(new Violation(at + "expectedCodes", "line-health.codes", List.of(),
                    "SIP status codes (100-699)"));
        }
        optional(t.failuresToDown(), 1, 100, at + "failuresToDown", out);
        optional(t.successesToUp(), 1, 100, at + "successesToUp", out);
        optional(t.degradedWindow(), 1, 64, at + "degradedWindow", out);
        if (t.slowRttMs() != null) {
            range(t.slowRttMs(), 1, 60_000, at + "slowRttMs", "line-health.count-range", out);
        }
    }

    private void schedule(TestCallSchedule s, List<Violation> out) {
        String at = "testCalls.";
        if (s.intervalSeconds() == null || s.intervalSeconds() != 0) {
            range(s.intervalSeconds(), 10, 86_400, at + "intervalSeconds", "line-health.test-call-interval", out);
        }
        boolean from = time(s.from(), at + "from", out);
        boolean to = time(s.to(), at + "to", out);
        if (from && to && (s.from() == null) != (s.to() == null)) {
            out.add(new Violation(at + (s.from() == null ? "from" : "to"), "line-health.window-half", List.of(),
                    "give both ends of the window, or neither"));
        } else if (from && to && s.from() != null && s.from().equals(s.to())) {
            out.add(new Violation(at + "to", "line-health.window-empty", List.of(), "the window is empty"));
        }
        range(s.eventsBudgetMs(), 100, MAX_BUDGET_MS, at + "eventsBudgetMs", "line-health.budget-range", out);
        range(s.callRecordBudgetMs(), 100, MAX_BUDGET_MS, at + "callRecordBudgetMs", "line-health.budget-range", out);
        range(s.routingBudgetMs(), 100, MAX_BUDGET_MS, at + "routingBudgetMs", "line-health.budget-range", out);
        range(s.recordingBudgetMs(), 100, MAX_BUDGET_MS, at + "recordingBudgetMs", "line-health.budget-range", out);
    }

    static LocalTime timeOfDay(String hhmm) {
        return hhmm == null || hhmm.isBlank() ? null : LocalTime.parse(hhmm.strip());
    }

    private static boolean time(String value, String field, List<Violation> out) {
        try {
            timeOfDay(value);
            return true;
        } catch (DateTimeParseException e) {
            out.add(new Violation(field, "line-health.time-of-day", List.of(String.valueOf(value)),
                    "a time of day HH:mm, not '" + value + "'"));
            return false;
        }
    }

    private static void optional(Integer value, int min, int max, String field, List<Violation> out) {
        if (value != null) {
            range(value, min, max, field, "line-health.count-range", out);
        }
    }

    private static boolean range(Integer value, int min, int max, String field, String code, List<Violation> out) {
        if (value == null) {
            out.add(new Violation(field, "line-health.required", List.of(), "required"));
            return false;
        }
        if (value < min || value > max) {
            out.add(new Violation(field, code, List.of(min, max), "between " + min + " and " + max));
            return false;
        }
        return true;
    }
}
