package kz.line102.callcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import kz.line102.cti.agi.AgiCapture;
import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.agi.FakeAsterisk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole path: Asterisk's captured FastAGI request, the application's rules, the variables set. */
class RoutingOverAgiTest extends RoutingTestSupport {

    @Autowired
    AgiRoutingServer agi;

    private List<String> route(String number) {
        AgiCapture capture = AgiCapture.load("answered").with("agi_callerid", number).with("agi_calleridname", number)
                .with("agi_arg_1", number);
        return FakeAsterisk.play(agi.port(), capture).stream().map(FakeAsterisk::words)
                .filter(w -> w.size() == 4 && w.get(0).equals("SET") && w.get(2).startsWith("ROUTE_"))
                .map(w -> w.get(2) + "=" + w.get(3)).toList();
    }

    @Test
    void aCapturedRequestIsAnsweredByTheRulesInForce() {
        routing.save(Rules.set(Rules.rule("kcell", Rules.prefixes("+7701"), "q102-kk", 4)), "test", "save", null,
                null);

        assertThat(route("+77012345678")).containsExactly("ROUTE_QUEUE=q102-kk", "ROUTE_PRIO=4", "ROUTE_REASON=rule:kcell");
        assertThat(route("87172123456")).containsExactly("ROUTE_QUEUE=q102", "ROUTE_PRIO=0", "ROUTE_REASON=default");
        assertThat(route("unknown")).containsExactly("ROUTE_QUEUE=q102", "ROUTE_PRIO=0", "ROUTE_REASON=default");
    }

    @Test
    void aRepeatCallerIsRecognisedFromTheCallRecordsWithinTheBudget() {
        routing.save(new RuleSet("q102", 0, List.of(Rules.rule("repeat",
                new RuleSet.Conditions(null, null, null, 2, null, null, null, null, null), "q102", 7))), "test", "save",
                null, null);
        String number = randomMobile();
        pastCall(number, Instant.now().minus(Duration.ofHours(2)), "answered");
        pastCall(number, Instant.now().minus(Duration.ofHours(1)), "abandoned");

        assertThat(route(number)).containsExactly("ROUTE_QUEUE=q102", "ROUTE_PRIO=7", "ROUTE_REASON=rule:repeat");
        assertThat(route(randomMobile())).containsExactly("ROUTE_QUEUE=q102", "ROUTE_PRIO=0", "ROUTE_REASON=default");
    }

    @Test
    void testCallsDoNotMakeARepeatCaller() {
        routing.save(new RuleSet("q102", 0, List.of(Rules.rule("repeat",
                new RuleSet.Conditions(null, null, null, 2, null, null, null, null, null), "q102", 7))), "test", "save",
                null, null);
        String number = randomMobile();
        pastCall(number, Instant.now().minus(Duration.ofHours(2)), "answered");
        pastCall(number, Instant.now().minus(Duration.ofHours(1)), "answered");
        // Line health's synthetic calls from the same number are not the caller calling again.
        jdbc.update("update calls set test_call = true where caller_number = ?", number);

        assertThat(route(number)).containsExactly("ROUTE_QUEUE=q102", "ROUTE_PRIO=0", "ROUTE_REASON=default");
    }
}
