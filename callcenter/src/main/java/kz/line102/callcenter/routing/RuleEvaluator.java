package kz.line102.callcenter.routing;

import kz.line102.callcenter.queue.QueueLoad;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;

import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.routing.CallerHistory.History;
import kz.line102.callcenter.routing.RuleSet.Conditions;
import kz.line102.callcenter.routing.RuleSet.LoadCondition;
import kz.line102.callcenter.routing.RuleSet.Rule;

/**
 * The first rule whose conditions all hold. Cheap conditions are checked first; the
 * caller's history (a database query) only when a rule still needs it, and at most once
 * per call.
 */
final class RuleEvaluator {

    /** What is known of the call being routed; {@code history} is asked for lazily. */
    record CallFacts(NormalizedNumber number, String language, ZonedDateTime at, Supplier<History> history,
                     QueueLoad load) {
    }

    /** The decision: {@code rule} is null when the rule set's default applied. */
    record Match(String queue, int priority, String rule) {

        String reason() {
            return rule == null ? "default" : "rule:" + rule;
        }
    }

    private RuleEvaluator() {
    }

    static Match evaluate(RuleSet set, CallFacts facts) {
        Supplier<History> history = memoized(facts.history());
        for (Rule rule : set.rules()) {
            if (holds(rule.when(), facts, history)) {
                return new Match(rule.queue(), rule.priority(), rule.name());
            }
        }
        return new Match(set.defaultQueue(), set.defaultPriority(), null);
    }

    static boolean holds(Conditions c, CallFacts f, Supplier<History> history) {
        if (c.numberStatus() != null && !c.numberStatus().contains(f.number().status().code())) {
            return false;
        }
        if (c.numberPrefixes() != null && !startsWithAny(f.number().e164(), c.numberPrefixes())) {
            return false;
        }
        if (c.languages() != null && (f.language() == null || !c.languages().contains(f.language()))) {
            return false;
        }
        if (c.days() != null && !c.days().contains(f.at().getDayOfWeek())) {
            return false;
        }
        if (c.from() != null && !within(f.at().toLocalTime(), c.from(), c.to())) {
            return false;
        }
        if (c.queueLoad() != null && !loaded(c.queueLoad(), f.load())) {
            return false;
        }
        if (c.minCallsLast24h() != null && history.get().callsLast24h() < c.minCallsLast24h()) {
            return false;
        }
        return !Boolean.TRUE.equals(c.abandonedWithinHour()) || history.get().abandonedWithinHour();
    }

    private static boolean startsWithAny(String e164, List<String> prefixes) {
        if (e164 == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (e164.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code from} inclusive, {@code to} exclusive; a window with from after to wraps midnight. */
    static boolean within(LocalTime t, LocalTime from, LocalTime to) {
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    private static boolean loaded(LoadCondition c, QueueLoad load) {
        QueueLoad.Load now = load.of(c.queue());
        if (c.minWaiting() != null && now.waiting() < c.minWaiting()) {
            return false;
        }
        return c.minLongestWaitSeconds() == null || now.longestWait().toSeconds() >= c.minLongestWaitSeconds();
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
