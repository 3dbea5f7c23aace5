package kz.line102.callcenter.routing;

import static kz.line102.callcenter.routing.Rules.languages;
import static kz.line102.callcenter.routing.Rules.prefixes;
import static kz.line102.callcenter.routing.Rules.rule;
import static kz.line102.callcenter.routing.Rules.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import kz.line102.callcenter.routing.RuleSet.Conditions;
import kz.line102.callcenter.routing.RuleSet.LoadCondition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RuleSetValidatorTest {

    private final RuleSetValidator validator = new RuleSetValidator(Set.of("q102", "q102-kk"), 100);

    @Test
    void theExampleRuleSetInConfIsValid() {
        RuleSet example = JsonMapper.builder().build().readValue(Rules.example(), RuleSet.class);
        assertThat(example.rules()).hasSize(6);
        assertThat(validator.violations(example)).isEmpty();
    }

    /** Each problem as "field code [args]": what the page places and renders. */
    private static List<String> problems(RuleSetValidator validator, RuleSet set) {
        return validator.check(set).stream().map(p -> p.field() + " " + p.code() + " " + p.args()).toList();
    }

    private List<String> problems(RuleSet set) {
        return problems(validator, set);
    }

    @Test
    void aRuleAfterAnUnconditionalOneIsUnreachable() {
        RuleSet set = set(rule("all", Conditions.ANY, "q102", 1), rule("kazakh", languages("kk"), "q102-kk", 2));
        assertThat(problems(set)).containsExactly("rules[1] routing.unreachable-unconditional [1, all]");
        assertThat(validator.violations(set)).containsExactly("rules[1]: rule 2 'kazakh' is unreachable: rule 1 'all' "
                + "has no conditions and takes every call");
    }

    @Test
    void aRuleNarrowerThanAnEarlierOneIsUnreachable() {
        assertThat(problems(set(rule("kcell", prefixes("+7701"), "q102", 1),
                rule("kcell-almaty", prefixes("+770127"), "q102-kk", 2),
                rule("kazakh", languages("kk", "ru"), "q102-kk", 2),
                rule("kazakh-only", languages("kk"), "q102", 3))))
                .containsExactly("rules[1] routing.unreachable [1, kcell]", "rules[3] routing.unreachable [3, kazakh]");
    }

    @Test
    void sameConditionsWithADifferentTargetIsAConflict() {
        assertThat(problems(set(rule("a", languages("kk"), "q102", 1), rule("b", languages("kk"), "q102-kk", 1))))
                .containsExactly("rules[1] routing.conflict [1, a]");
    }

    @Test
    void widerOrDisjointLaterRulesAreFine() {
        Conditions night = new Conditions(null, null, null, null, null, null, LocalTime.of(22, 0), LocalTime.of(7, 0),
                null);
        Conditions weekendNight = new Conditions(null, null, null, null, null,
                List.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(7, 0), null);
        assertThat(validator.violations(set(rule("kcell-almaty", prefixes("+770127"), "q102", 1),
                rule("kcell", prefixes("+7701"), "q102-kk", 2),
                rule("saturday-night", weekendNight, "q102", 3),
                rule("night", night, "q102", 4)))).isEmpty();
    }

    @Test
    void unknownQueuesAndMalformedConditionsAreNamedOneByOne() {
        Conditions bad = new Conditions(List.of("7701", "+0"), List.of("secret"), List.of("Kazakh"), 0, false,
                List.of(), LocalTime.NOON, null, new LoadCondition("q999", null, null));
        List<String> problems = problems(new RuleSet("nowhere", 500, List.of(
                rule("Bad Name", bad, "q103", -1), rule("dup", Conditions.ANY, "q102", 1),
                rule("dup", languages("kk"), "q102", 1))));
        assertThat(problems).containsExactlyInAnyOrder(
                "defaultQueue routing.unknown-queue [nowhere, q102, q102-kk]",
                "defaultPriority routing.priority-range [0, 100, 500]",
                "rules[0].name routing.name-format []",
                "rules[0].queue routing.unknown-queue [q103, q102, q102-kk]",
                "rules[0].priority routing.priority-range [0, 100, -1]",
                "rules[0].when.numberPrefixes routing.prefix-format [7701]",
                "rules[0].when.numberPrefixes routing.prefix-format [+0]",
                "rules[0].when.languages routing.language-format [Kazakh]",
                "rules[0].when.numberStatus routing.number-status [invalid, short, valid, withheld]",
                "rules[0].when.minCallsLast24h routing.calls-range [1, 1000]",
                "rules[0].when.abandonedWithinHour routing.abandoned-only-true []",
                "rules[0].when.days routing.days []",
                "rules[0].when.to routing.time-pair []",
                "rules[0].when.queueLoad.queue routing.unknown-queue [q999, q102, q102-kk]",
                "rules[0].when.queueLoad.minWaiting routing.load-threshold []",
                "rules[2].name routing.name-taken [dup]");
    }

    @Test
    void tooManyRulesAreRefused() {
        RuleSetValidator small = new RuleSetValidator(Set.of("q102"), 1);
        assertThat(problems(small, set(rule("a", languages("kk"), "q102", 1), rule("b", languages("ru"), "q102", 1))))
                .contains("rules routing.too-many-rules [2, 1]");
    }
}
