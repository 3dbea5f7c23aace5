package kz.line102.callcenter.routing;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import kz.line102.callcenter.routing.RuleSet.Conditions;
import kz.line102.callcenter.routing.RuleSet.Rule;
import kz.line102.callcenter.settings.SettingProblem;
import kz.line102.callcenter.settings.SettingSpec;

/**
 * Partial overlaps: an earlier rule that takes some, not all, of the calls a later rule
 * names, and sends them elsewhere (another queue or priority). The order settles them,
 * which is often the intent (Kazakh speakers before the Astana region), so each is a
 * warning the administrator sees on validate and save, and that the audit keeps: never
 * silent. Rules an earlier rule covers entirely are violations (RuleSetValidator).
 */
final class RuleOverlaps {

    private static final String VALID = "valid";

    private RuleOverlaps() {
    }

    /** Each overlap as one English line, for the log and the audit. */
    static List<String> warnings(RuleSet set) {
        return overlaps(set).stream().map(SettingSpec::sentence).toList();
    }

    /** Each overlap at the later rule ({@code rules[j]}), with code {@link ProblemCodes#OVERLAP}. */
    static List<SettingProblem> overlaps(RuleSet set) {
        List<SettingProblem> w = new ArrayList<>();
        List<Rule> rules = set.rules();
        for (int j = 1; j < rules.size(); j++) {
            Rule later = rules.get(j);
            if (later == null) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                Rule earlier = rules.get(i);
                if (earlier == null || sameTarget(earlier, later) || !intersect(earlier.when(), later.when())
                        || RuleSetValidator.covers(earlier.when(), later.when())) {
                    continue;
                }
                w.add(SettingProblem.of("rules[" + j + "]", ProblemCodes.OVERLAP, "rule " + (j + 1) + " '"
                        + later.name() + "' overlaps rule " + (i + 1) + " '" + earlier.name()
                        + "': calls that match both go to " + earlier.queue() + "/" + earlier.priority() + ", not "
                        + later.queue() + "/" + later.priority(), i + 1, earlier.name(), earlier.queue(),
                        earlier.priority(), later.queue(), later.priority()));
            }
        }
        return w;
    }

    private static boolean sameTarget(Rule a, Rule b) {
        return a.queue() != null && a.queue().equals(b.queue()) && a.priority() == b.priority();
    }

    /** Whether some call can satisfy both: every condition pair must be satisfiable together. */
    static boolean intersect(Conditions a, Conditions b) {
        return statusesMeet(a, b)
                && prefixesMeet(a.numberPrefixes(), b.numberPrefixes())
                && listsMeet(a.languages(), b.languages())
                && listsMeet(a.days(), b.days())
                && windowsMeet(a.from(), a.to(), b.from(), b.to());
        // History and queue-load thresholds are lower bounds: some call always meets both.
    }

    /** A prefix condition matches E.164 numbers only, i.e. status 'valid'. */
    private static boolean statusesMeet(Conditions a, Conditions b) {
        List<String> sa = effectiveStatus(a);
        List<String> sb = effectiveStatus(b);
        return listsMeet(sa, sb);
    }

    private static List<String> effectiveStatus(Conditions c) {
        if (c.numberPrefixes() == null) {
            return c.numberStatus();
        }
        return c.numberStatus() == null || c.numberStatus().contains(VALID) ? List.of(VALID) : List.of();
    }

    private static boolean prefixesMeet(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return true;
        }
        for (String x : a) {
            for (String y : b) {
                if (x != null && y != null && (x.startsWith(y) || y.startsWith(x))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T> boolean listsMeet(List<T> a, List<T> b) {
        return a == null || b == null || !Collections.disjoint(a, b);
    }

    /** Each window as minute ranges of the day (a wrapping one as two), then any pair overlapping. */
    private static boolean windowsMeet(LocalTime af, LocalTime at, LocalTime bf, LocalTime bt) {
        if (af == null || at == null || bf == null || bt == null) {
            return true;
        }
        for (int[] x : ranges(af, at)) {
            for (int[] y : ranges(bf, bt)) {
                if (x[0] < y[1] && y[0] < x[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<int[]> ranges(LocalTime from, LocalTime to) {
        int f = from.toSecondOfDay();
        int t = to.toSecondOfDay();
        return f < t ? List.of(new int[] {f, t}) : List.of(new int[] {f, 86_400}, new int[] {0, t});
    }

}
