package kz.line102.callcenter.routing;

import static kz.line102.callcenter.routing.Rules.languages;
import static kz.line102.callcenter.routing.Rules.prefixes;
import static kz.line102.callcenter.routing.Rules.rule;
import static kz.line102.callcenter.routing.Rules.set;
import static org.assertj.core.api.Assertions.assertThat;

import kz.line102.callcenter.queue.QueueLoad;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.routing.CallerHistory.History;
import kz.line102.callcenter.routing.RuleEvaluator.CallFacts;
import kz.line102.callcenter.routing.RuleSet.Conditions;
import kz.line102.callcenter.routing.RuleSet.LoadCondition;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    // A Monday, 23:30 in Almaty.
    private static final ZonedDateTime MONDAY_NIGHT = ZonedDateTime.of(2026, 11, 23, 23, 30, 0, 0, ALMATY);

    private final PhoneNumbers numbers = new PhoneNumbers();
    private final AtomicInteger historyLookups = new AtomicInteger();
    private final QueueLoad.InMemory load = new QueueLoad.InMemory();

    private CallFacts call(String number, String language, ZonedDateTime at, History history) {
        return new CallFacts(numbers.normalize(number), language, at, () -> {
            historyLookups.incrementAndGet();
            return history;
        }, load);
    }

    @Test
    void theFirstMatchingRuleDecidesAndNamesItself() {
        RuleSet rules = set(rule("kcell", prefixes("+7701"), "q102", 5), rule("kazakh", languages("kk"), "q102-kk", 2));
        assertThat(RuleEvaluator.evaluate(rules, call("87012345678", "kk", MONDAY_NIGHT, History.NONE)))
                .isEqualTo(new RuleEvaluator.Match("q102", 5, "kcell"));
        assertThat(RuleEvaluator.evaluate(rules, call("87172123456", "kk", MONDAY_NIGHT, History.NONE)).reason())
                .isEqualTo("rule:kazakh");
        assertThat(RuleEvaluator.evaluate(rules, call("unknown", null, MONDAY_NIGHT, History.NONE)))
                .isEqualTo(new RuleEvaluator.Match("q102", 0, null));
    }

    @Test
    void timeWindowsMayWrapMidnightAndDaysAreLocal() {
        Conditions night = new Conditions(null, null, null, null, null, List.of(DayOfWeek.MONDAY), LocalTime.of(22, 0),
                LocalTime.of(7, 0), null);
        RuleSet rules = set(rule("monday-night", night, "q102", 3));
        assertThat(RuleEvaluator.evaluate(rules, call("+77012345678", "ru", MONDAY_NIGHT, History.NONE)).rule())
                .isEqualTo("monday-night");
        // 01:00 on Tuesday local: inside the window, but not Monday any more.
        assertThat(RuleEvaluator.evaluate(rules, call("+77012345678", "ru", MONDAY_NIGHT.plusMinutes(90),
                History.NONE)).rule()).isNull();
        assertThat(RuleEvaluator.within(LocalTime.of(7, 0), LocalTime.of(22, 0), LocalTime.of(7, 0))).isFalse();
        assertThat(RuleEvaluator.within(LocalTime.of(9, 0), LocalTime.of(8, 0), LocalTime.of(18, 0))).isTrue();
    }

    @Test
    void callerHistoryIsLookedUpOnlyWhenARuleNeedsItAndAtMostOnce() {
        Conditions repeat = new Conditions(null, null, null, 3, null, null, null, null, null);
        Conditions callBack = new Conditions(null, null, null, null, true, null, null, null, null);
        RuleSet rules = set(rule("kazakh", languages("kk"), "q102-kk", 2), rule("repeat", repeat, "q102", 7),
                rule("call-back", callBack, "q102", 9));

        assertThat(RuleEvaluator.evaluate(rules, call("+77012345678", "kk", MONDAY_NIGHT, new History(5, true))).rule())
                .isEqualTo("kazakh");
        assertThat(historyLookups).hasValue(0);
        assertThat(RuleEvaluator.evaluate(rules, call("+77012345678", "ru", MONDAY_NIGHT, new History(2, true))).rule())
                .isEqualTo("call-back");
        assertThat(historyLookups).hasValue(1);
        assertThat(RuleEvaluator.evaluate(rules, call("+77012345678", "ru", MONDAY_NIGHT, new History(3, false))).rule())
                .isEqualTo("repeat");
    }

    @Test
    void queueLoadConditionsReadTheCurrentLoad() {
        Conditions busy = new Conditions(null, null, null, null, null, null, null, null,
                new LoadCondition("q102", 5, 60));
        RuleSet rules = set(rule("overflow", busy, "q102-kk", 1));
        assertThat(RuleEvaluator.evaluate(rules, call("+77012345678", "ru", MONDAY_NIGHT, History.NONE)).rule()).isNull();
        load.update("q102", new QueueLoad.Load(5, Duration.ofSeconds(59)));
        assertThat(RuleEvaluator.evaluate(rules, call("+77012345678", "ru", MONDAY_NIGHT, History.NONE)).rule()).isNull();
        load.update("q102", new QueueLoad.Load(6, Duration.ofSeconds(61)));
        assertThat(RuleEvaluator.evaluate(rules, call("+77012345678", "ru", MONDAY_NIGHT, History.NONE)).rule())
                .isEqualTo("overflow");
    }

    @Test
    void withheldAndGarbageNumbersMatchOnlyStatusConditions() {
        Conditions withheld = new Conditions(null, List.of("withheld", "invalid"), null, null, null, null, null, null,
                null);
        RuleSet rules = set(rule("kcell", prefixes("+7701"), "q102", 5), rule("anonymous", withheld, "q102", 1));
        for (String number : new String[] {null, "", "unknown", "anonymous", "';DROP TABLE calls;--", "\u0001\u0002"}) {
            assertThat(RuleEvaluator.evaluate(rules, call(number, null, MONDAY_NIGHT, History.NONE)).rule())
                    .as("number %s", number).isEqualTo("anonymous");
        }
    }
}
