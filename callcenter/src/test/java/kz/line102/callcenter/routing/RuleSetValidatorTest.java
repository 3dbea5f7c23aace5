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

    @Test
    void aRuleAfterAnUnconditionalOneIsUnreachable() {
        assertThat(validator.violations(set(rule("all", Conditions.ANY, "q102", 1),
                rule("kazakh", languages("kk"), "q102-kk", 2))))
                .containsExactly("rule 2 'kazakh': unreachable: rule 1 'all' has no conditions and takes every call");
    }

    @Test
    void aRuleNarrowerThanAnEarlierOneIsUnreachable() {
        assertThat(validator.violations(set(rule("kcell", prefixes("+7701"), "q102", 1),
                rule("kcell-almaty", prefixes("+770127"), "q102-kk", 2),
                rule("kazakh", languages("kk", "ru"), "q102-kk", 2),
                rule("kazakh-only", languages("kk"), "q102", 3))))
                .containsExactly(
                        "rule 2 'kcell-almaty': unreachable: rule 1 'kcell' takes every call it would match",
                        "rule 4 'kazakh-only': unreachable: rule 3 'kazakh' takes every call it would match");
    }

    @Test
    void sameConditionsWithADifferentTargetIsAConflict() {
        assertThat(validator.violations(set(rule("a", languages("kk"), "q102", 1),
                rule("b", languages("kk"), "q102-kk", 1))))
                .containsExactly("rule 2 'b': conflicts with rule 1 'a': same conditions, different target");
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
        List<String> violations = validator.violations(new RuleSet("nowhere", 500, List.of(
                rule("Bad Name", bad, "q103", -1), rule("dup", Conditions.ANY, "q102", 1),
                rule("dup", languages("kk"), "q102", 1))));
        assertThat(violations).contains(
                "the default: unknown queue 'nowhere' (known: [q102, q102-kk])",
                "the default: priority must be 0..100, not 500",
                "rule 1 'Bad Name': name must be 1..48 of a-z, 0-9 and '-', starting with a letter or digit",
                "rule 1 'Bad Name': priority must be 0..100, not -1",
                "rule 1 'Bad Name': numberPrefixes value '7701' is not an E.164 prefix such as +7701",
                "rule 1 'Bad Name': numberPrefixes value '+0' is not an E.164 prefix such as +7701",
                "rule 1 'Bad Name': languages value 'Kazakh' is not a lower-case language code such as kk",
                "rule 1 'Bad Name': minCallsLast24h must be 1..1000",
                "rule 1 'Bad Name': abandonedWithinHour can only be true (leave it out otherwise)",
                "rule 1 'Bad Name': from and to go together",
                "rule 1 'Bad Name': queueLoad names unknown queue 'q999'",
                "rule 1 'Bad Name': queueLoad needs minWaiting or minLongestWaitSeconds",
                "rule 3 'dup': the name is used by an earlier rule");
        assertThat(violations).anyMatch(v -> v.startsWith("rule 1 'Bad Name': unknown queue 'q103'"))
                .anyMatch(v -> v.startsWith("rule 1 'Bad Name': numberStatus must list"))
                .anyMatch(v -> v.startsWith("rule 1 'Bad Name': days must list"));
    }

    @Test
    void tooManyRulesAreRefused() {
        RuleSetValidator small = new RuleSetValidator(Set.of("q102"), 1);
        assertThat(small.violations(set(rule("a", languages("kk"), "q102", 1), rule("b", languages("ru"), "q102", 1))))
                .contains("too many rules: 2 (at most 1)");
    }
}
