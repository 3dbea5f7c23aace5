package kz.line102.callcenter.routing;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import kz.line102.callcenter.routing.RuleSet.Conditions;
import kz.line102.callcenter.routing.RuleSet.LoadCondition;
import kz.line102.callcenter.routing.RuleSet.Rule;
import kz.line102.callcenter.settings.SettingProblem;
import kz.line102.callcenter.settings.SettingSpec;
import kz.line102.cti.agi.RouteDecision;

/**
 * Everything wrong with a rule set, each at its field with a code ({@link ProblemCodes}): unknown queues,
 * malformed conditions, rules that can never match because an earlier rule takes every
 * call they would (an unconditional rule, or one whose conditions are as wide or wider),
 * and rules with the same conditions but a different target (a conflict the order would
 * settle silently).
 */
final class RuleSetValidator {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");
    private static final Pattern PREFIX = Pattern.compile("\\+[1-9][0-9]{0,14}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Set<String> STATUSES = Set.of("valid", "withheld", "short", "invalid");

    /** The queue configuration's queues, read at each validation: IT staff change them while running. */
    private final Supplier<? extends Collection<String>> queueNames;
    private final int maxRules;

    RuleSetValidator(Supplier<? extends Collection<String>> queueNames, int maxRules) {
        this.queueNames = queueNames;
        this.maxRules = maxRules;
    }

    RuleSetValidator(Set<String> queues, int maxRules) {
        this(() -> queues, maxRules);
    }

    /** Every violation as one English line ("field: words"), for the log and the audit. */
    List<String> violations(RuleSet set) {
        return check(set).stream().map(SettingSpec::sentence).toList();
    }

    /** Every violation at its field, with its code ({@link ProblemCodes}). */
    List<SettingProblem> check(RuleSet set) {
        List<SettingProblem> v = new ArrayList<>();
        Set<String> queues = new TreeSet<>(queueNames.get());
        target("default", set.defaultQueue(), set.defaultPriority(), queues, v);
        if (set.rules().size() > maxRules) {
            v.add(SettingProblem.of("rules", ProblemCodes.TOO_MANY_RULES,
                    "too many rules: " + set.rules().size() + " (at most " + maxRules + ")", set.rules().size(), maxRules));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < set.rules().size(); i++) {
            Rule rule = set.rules().get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                v.add(SettingProblem.of(at, ProblemCodes.EMPTY_RULE, "rule " + (i + 1) + " is empty", i + 1));
                continue;
            }
            if (rule.name() == null || !NAME.matcher(rule.name()).matches()) {
                v.add(SettingProblem.of(at + ".name", ProblemCodes.NAME_FORMAT,
                        "name must be 1..48 of a-z, 0-9 and '-', starting with a letter or digit"));
            } else if (!names.add(rule.name())) {
                v.add(SettingProblem.of(at + ".name", ProblemCodes.NAME_TAKEN,
                        "the name '" + rule.name() + "' is used by an earlier rule", rule.name()));
            }
            target(at + ".", rule.queue(), rule.priority(), queues, v);
            conditions(at + ".when.", rule.when(), queues, v);
        }
        if (v.isEmpty()) {
            order(set.rules(), v);
        }
        return v;
    }

    /** {@code at}: "default" for the rule set's own target (defaultQueue), "rules[i]." for a rule's. */
    private static void target(String at, String queue, int priority, Set<String> queues, List<SettingProblem> v) {
        String queueField = at.equals("default") ? "defaultQueue" : at + "queue";
        String priorityField = at.equals("default") ? "defaultPriority" : at + "priority";
        if (queue == null || !queues.contains(queue)) {
            v.add(SettingProblem.of(queueField, ProblemCodes.UNKNOWN_QUEUE,
                    "unknown queue '" + queue + "' (known: " + queues + ")", queue, String.join(", ", queues)));
        }
        if (priority < 0 || priority > RouteDecision.MAX_PRIORITY) {
            v.add(SettingProblem.of(priorityField, ProblemCodes.PRIORITY_RANGE,
                    "priority must be 0.." + RouteDecision.MAX_PRIORITY + ", not " + priority,
                    0, RouteDecision.MAX_PRIORITY, priority));
        }
    }

    private static void conditions(String at, Conditions c, Set<String> queues, List<SettingProblem> v) {
        each(at + "numberPrefixes", c.numberPrefixes(), PREFIX, ProblemCodes.PREFIX_FORMAT,
                "an E.164 prefix such as +7701", v);
        each(at + "languages", c.languages(), LANGUAGE, ProblemCodes.LANGUAGE_FORMAT,
                "a lower-case language code such as kk", v);
        if (c.numberStatus() != null && (c.numberStatus().isEmpty()
                || !c.numberStatus().stream().allMatch(s -> s != null && STATUSES.contains(s)))) {
            v.add(SettingProblem.of(at + "numberStatus", ProblemCodes.NUMBER_STATUS,
                    "numberStatus must list some of " + new TreeSet<>(STATUSES), String.join(", ", new TreeSet<>(STATUSES))));
        }
        if (c.minCallsLast24h() != null && (c.minCallsLast24h() < 1 || c.minCallsLast24h() > 1000)) {
            v.add(SettingProblem.of(at + "minCallsLast24h", ProblemCodes.CALLS_RANGE,
                    "minCallsLast24h must be 1..1000", 1, 1000));
        }
        if (Boolean.FALSE.equals(c.abandonedWithinHour())) {
            v.add(SettingProblem.of(at + "abandonedWithinHour", ProblemCodes.ABANDONED_ONLY_TRUE,
                    "abandonedWithinHour can only be true (leave it out otherwise)"));
        }
        if (c.days() != null && (c.days().isEmpty() || c.days().stream().anyMatch(Objects::isNull))) {
            v.add(SettingProblem.of(at + "days", ProblemCodes.DAYS, "days must list days of week (MONDAY..SUNDAY)"));
        }
        if ((c.from() == null) != (c.to() == null)) {
            v.add(SettingProblem.of(at + (c.from() == null ? "from" : "to"), ProblemCodes.TIME_PAIR,
                    "from and to go together"));
        } else if (c.from() != null && c.from().equals(c.to())) {
            v.add(SettingProblem.of(at + "to", ProblemCodes.TIME_EQUAL, "from and to are equal: an empty window"));
        }
        LoadCondition load = c.queueLoad();
        if (load != null) {
            if (load.queue() == null || !queues.contains(load.queue())) {
                v.add(SettingProblem.of(at + "queueLoad.queue", ProblemCodes.UNKNOWN_QUEUE,
                        "queueLoad names unknown queue '" + load.queue() + "'", load.queue(), String.join(", ", queues)));
            }
            if (load.minWaiting() == null && load.minLongestWaitSeconds() == null) {
                v.add(SettingProblem.of(at + "queueLoad.minWaiting", ProblemCodes.LOAD_THRESHOLD,
                        "queueLoad needs minWaiting or minLongestWaitSeconds"));
            }
            if (load.minWaiting() != null && load.minWaiting() < 1) {
                v.add(SettingProblem.of(at + "queueLoad.minWaiting", ProblemCodes.LOAD_AT_LEAST_ONE,
                        "queueLoad thresholds must be at least 1"));
            }
            if (load.minLongestWaitSeconds() != null && load.minLongestWaitSeconds() < 1) {
                v.add(SettingProblem.of(at + "queueLoad.minLongestWaitSeconds", ProblemCodes.LOAD_AT_LEAST_ONE,
                        "queueLoad thresholds must be at least 1"));
            }
        }
    }

    private static void each(String field, List<String> values, Pattern pattern, String code, String what,
                             List<SettingProblem> v) {
        if (values == null) {
            return;
        }
        if (values.isEmpty()) {
            v.add(SettingProblem.of(field, ProblemCodes.EMPTY_LIST, "empty (leave it out to match every call)"));
        }
        for (String value : values) {
            if (value == null || !pattern.matcher(value).matches()) {
                v.add(SettingProblem.of(field, code, "value '" + value + "' is not " + what, value));
            }
        }
    }

    /** Unreachable rules and silent conflicts: each rule against every earlier one. */
    private static void order(List<Rule> rules, List<SettingProblem> v) {
        for (int j = 1; j < rules.size(); j++) {
            Rule later = rules.get(j);
            for (int i = 0; i < j; i++) {
                Rule earlier = rules.get(i);
                if (!covers(earlier.when(), later.when())) {
                    continue;
                }
                String at = "rules[" + j + "]";
                if (earlier.when().equals(later.when())
                        && (!earlier.queue().equals(later.queue()) || earlier.priority() != later.priority())) {
                    v.add(SettingProblem.of(at, ProblemCodes.CONFLICT, "rule " + (j + 1) + " '" + later.name()
                            + "' conflicts with rule " + (i + 1) + " '" + earlier.name()
                            + "': same conditions, different target", i + 1, earlier.name()));
                } else if (earlier.when().unconditional()) {
                    v.add(SettingProblem.of(at, ProblemCodes.UNREACHABLE_UNCONDITIONAL, "rule " + (j + 1) + " '"
                            + later.name() + "' is unreachable: rule " + (i + 1) + " '" + earlier.name()
                            + "' has no conditions and takes every call", i + 1, earlier.name()));
                } else {
                    v.add(SettingProblem.of(at, ProblemCodes.UNREACHABLE, "rule " + (j + 1) + " '" + later.name()
                            + "' is unreachable: rule " + (i + 1) + " '" + earlier.name()
                            + "' takes every call it would match", i + 1, earlier.name()));
                }
                break;
            }
        }
    }

    /** Whether every call {@code narrow} matches is matched by {@code wide} too. */
    static boolean covers(Conditions wide, Conditions narrow) {
        return listCovers(wide.numberStatus(), narrow.numberStatus())
                && prefixesCover(wide.numberPrefixes(), narrow.numberPrefixes())
                && listCovers(wide.languages(), narrow.languages())
                && daysCover(wide.days(), narrow.days())
                && windowCovers(wide, narrow)
                && (wide.minCallsLast24h() == null || (narrow.minCallsLast24h() != null
                        && narrow.minCallsLast24h() >= wide.minCallsLast24h()))
                && (wide.abandonedWithinHour() == null || Objects.equals(narrow.abandonedWithinHour(),
                        wide.abandonedWithinHour()))
                && loadCovers(wide.queueLoad(), narrow.queueLoad());
    }

    private static <T> boolean listCovers(List<T> wide, List<T> narrow) {
        return wide == null || (narrow != null && wide.containsAll(narrow));
    }

    private static boolean prefixesCover(List<String> wide, List<String> narrow) {
        return wide == null || (narrow != null
                && narrow.stream().allMatch(n -> wide.stream().anyMatch(n::startsWith)));
    }

    private static boolean daysCover(List<DayOfWeek> wide, List<DayOfWeek> narrow) {
        return wide == null || EnumSet.copyOf(wide).equals(EnumSet.allOf(DayOfWeek.class))
                || (narrow != null && wide.containsAll(narrow));
    }

    private static boolean windowCovers(Conditions wide, Conditions narrow) {
        if (wide.from() == null) {
            return true;
        }
        if (narrow.from() == null) {
            return false;
        }
        if (wide.from().equals(narrow.from()) && wide.to().equals(narrow.to())) {
            return true;
        }
        // Only plain windows are compared; a wrapping one is taken as not covering (no false alarm).
        return wide.from().isBefore(wide.to()) && narrow.from().isBefore(narrow.to())
                && !narrow.from().isBefore(wide.from()) && !narrow.to().isAfter(wide.to());
    }

    private static boolean loadCovers(LoadCondition wide, LoadCondition narrow) {
        if (wide == null) {
            return true;
        }
        return narrow != null && Objects.equals(wide.queue(), narrow.queue())
                && atLeast(narrow.minWaiting(), wide.minWaiting())
                && atLeast(narrow.minLongestWaitSeconds(), wide.minLongestWaitSeconds());
    }

    private static boolean atLeast(Integer narrow, Integer wide) {
        return wide == null || (narrow != null && narrow >= wide);
    }
}
