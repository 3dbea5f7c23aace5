package kz.line102.callcenter.routing;

import static kz.line102.callcenter.routing.Rules.languages;
import static kz.line102.callcenter.routing.Rules.prefixes;
import static kz.line102.callcenter.routing.Rules.rule;
import static kz.line102.callcenter.routing.Rules.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import kz.line102.callcenter.routing.RuleSet.Conditions;
import org.junit.jupiter.api.Test;

/** Partial overlaps between rules with different targets are found, and nothing else is. */
class RuleOverlapsTest {

    private static Conditions when(List<String> prefixes, List<String> statuses, List<String> languages,
                                   List<DayOfWeek> days, LocalTime from, LocalTime to) {
        return new Conditions(prefixes, statuses, languages, null, null, days, from, to, null);
    }

    @Test
    void aLanguageRuleAndARegionRuleOverlapOnKazakhSpeakersFromTheRegion() {
        RuleSet set = set(rule("kazakh", languages("kk"), "q102-kk", 2), rule("astana", prefixes("+77172"), "q102", 5));
        assertThat(RuleOverlaps.overlaps(set)).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("rules[1]");
            assertThat(w.code()).isEqualTo(ProblemCodes.OVERLAP);
            assertThat(w.args()).containsExactly("1", "kazakh", "q102-kk", "2", "q102", "5");
        });
        assertThat(RuleOverlaps.warnings(set)).containsExactly("rules[1]: rule 2 'astana' overlaps rule 1 'kazakh': "
                + "calls that match both go to q102-kk/2, not q102/5");
    }

    @Test
    void theSameTargetIsNoConflict() {
        assertThat(RuleOverlaps.warnings(set(rule("kazakh", languages("kk"), "q102", 2),
                rule("astana", prefixes("+77172"), "q102", 2)))).isEmpty();
    }

    @Test
    void disjointConditionsDoNotOverlap() {
        assertThat(RuleOverlaps.warnings(set(
                rule("kcell", prefixes("+7701"), "q102", 1),
                rule("beeline", prefixes("+7705"), "q102-kk", 2),
                rule("kazakh", languages("kk"), "q102", 3),
                rule("russian", languages("ru"), "q102-kk", 4)))).hasSize(4)
                .allMatch(s -> s.contains("'kazakh'") || s.contains("'russian'"))
                .noneMatch(s -> s.contains("'beeline' overlaps rule 1") || s.contains("'russian' overlaps rule 3"));
    }

    @Test
    void aPrefixRuleNeverMeetsAWithheldNumberRule() {
        assertThat(RuleOverlaps.warnings(set(
                rule("withheld", when(null, List.of("withheld"), null, null, null, null), "q102", 9),
                rule("kcell", prefixes("+7701"), "q102-kk", 2)))).isEmpty();
    }

    @Test
    void timeWindowsOverlapAcrossMidnightAndDaysMustShareADay() {
        Conditions night = when(null, null, null, null, LocalTime.of(22, 0), LocalTime.of(6, 0));
        Conditions earlyMorning = when(null, null, List.of("kk"), null, LocalTime.of(5, 0), LocalTime.of(9, 0));
        Conditions noon = when(null, null, List.of("kk"), null, LocalTime.of(11, 0), LocalTime.of(13, 0));
        assertThat(RuleOverlaps.warnings(set(rule("night", night, "q102", 1), rule("early-kk", earlyMorning,
                "q102-kk", 2)))).hasSize(1);
        assertThat(RuleOverlaps.warnings(set(rule("night", night, "q102", 1), rule("noon-kk", noon, "q102-kk", 2))))
                .isEmpty();
        Conditions weekend = when(null, null, null, List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), null, null);
        Conditions monday = when(null, null, List.of("kk"), List.of(DayOfWeek.MONDAY), null, null);
        assertThat(RuleOverlaps.warnings(set(rule("weekend", weekend, "q102", 1), rule("monday-kk", monday,
                "q102-kk", 2)))).isEmpty();
    }

    @Test
    void aRuleCoveredEntirelyIsAViolationNotAWarning() {
        RuleSet covered = set(rule("kcell", prefixes("+7701"), "q102", 1),
                rule("kcell-almaty", prefixes("+770127"), "q102-kk", 2));
        assertThat(RuleOverlaps.warnings(covered)).isEmpty();
        assertThat(new RuleSetValidator(java.util.Set.of("q102", "q102-kk"), 10).violations(covered)).hasSize(1);
    }

    @Test
    void theExampleRuleSetsOverlapsAreReported() {
        RuleSet example = tools.jackson.databind.json.JsonMapper.builder().build().readValue(Rules.example(),
                RuleSet.class);
        List<String> w = RuleOverlaps.warnings(example);
        assertThat(w).allMatch(s -> s.contains(" overlaps rule "));
    }
}
