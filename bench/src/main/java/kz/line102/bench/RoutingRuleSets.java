package kz.line102.bench;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import kz.line102.callcenter.routing.RuleSet;
import kz.line102.callcenter.routing.RuleSet.Conditions;
import kz.line102.callcenter.routing.RuleSet.LoadCondition;
import kz.line102.callcenter.routing.RuleSet.Rule;

/**
 * A valid rule set of a given size, shaped so most calls are checked against most rules:
 * prefix rules ({@code +7700NNN}) first, then prefix-and-night rules, one Kazakh rule
 * per day of week, a load rule, and the two history rules (the ones that query the call
 * records) last.
 */
final class RoutingRuleSets {

    static final int TAIL = 12;

    private RoutingRuleSets() {
    }

    static String prefix(int i) {
        return "+7700" + String.format("%03d", i);
    }

    static RuleSet of(int size) {
        if (size < TAIL + 1 || size > TAIL + 1000) {
            throw new IllegalArgumentException("rule set size must be " + (TAIL + 1) + ".." + (TAIL + 1000));
        }
        List<Rule> rules = new ArrayList<>();
        int prefixRules = size - TAIL;
        for (int i = 0; i < prefixRules; i++) {
            rules.add(new Rule("prefix-" + i, conditions(List.of(prefix(i)), null, null, null, null, null),
                    i % 2 == 0 ? "q102" : "q102-kk", i % 10));
        }
        rules.add(new Rule("astana-night", conditions(List.of("+77172"), null, null, LocalTime.of(22, 0),
                LocalTime.of(7, 0), null), "q102", 3));
        rules.add(new Rule("almaty-night", conditions(List.of("+7727"), null, null, LocalTime.of(22, 0),
                LocalTime.of(7, 0), null), "q102", 3));
        for (DayOfWeek day : DayOfWeek.values()) {
            rules.add(new Rule("kazakh-" + day.name().toLowerCase(), conditions(null, List.of("kk"), List.of(day), null,
                    null, null), "q102-kk", 2));
        }
        rules.add(new Rule("overflow", conditions(null, null, null, null, null, new LoadCondition("q102", 10, null)),
                "q102-kk", 1));
        rules.add(new Rule("repeat-caller", new Conditions(null, null, null, 3, null, null, null, null, null), "q102", 7));
        rules.add(new Rule("call-back", new Conditions(null, null, null, null, true, null, null, null, null), "q102", 9));
        return new RuleSet("q102", 0, rules);
    }

    private static Conditions conditions(List<String> prefixes, List<String> languages, List<DayOfWeek> days,
                                         LocalTime from, LocalTime to, LoadCondition load) {
        return new Conditions(prefixes, null, languages, null, null, days, from, to, load);
    }
}
