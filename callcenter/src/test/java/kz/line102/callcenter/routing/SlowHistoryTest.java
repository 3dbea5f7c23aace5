package kz.line102.callcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import kz.line102.callcenter.queue.QueueLoad;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.routing.RuleSet.Conditions;
import kz.line102.callcenter.settings.VersionedSetting;
import kz.line102.cti.CallId;
import kz.line102.cti.agi.RouteDecision;
import kz.line102.cti.agi.RouteRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A slow or failing call-record database costs the history rules only, not the whole decision. */
class SlowHistoryTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private RoutingService service;

    @AfterEach
    void stop() {
        release.countDown();
        service.close();
    }

    private RoutingService service(CallerHistory history) {
        RuleSet rules = new RuleSet("q102", 0, List.of(
                Rules.rule("repeat", new Conditions(null, null, null, 2, null, null, null, null, null), "q102", 7),
                Rules.rule("kazakh", Rules.languages("kk"), "q102-kk", 2)));
        RoutingProperties props = new RoutingProperties(ZoneId.of("Asia/Almaty"), 100,
                "unused", Duration.ofHours(1), Duration.ofMillis(30));
        VersionedSetting<RuleSet> fixed = VersionedSetting.fixed(
                RoutingService.ruleSets(props, () -> List.of("q102", "q102-kk")), rules);
        service = new RoutingService(fixed, history, new QueueLoad.InMemory(), new PhoneNumbers(), props,
                Clock.systemUTC());
        return service;
    }

    private static RouteRequest call() {
        return new RouteRequest(CallId.derive("asterisk-1", "1.0"), "+77012345678", "kk", "from-pstn", "102");
    }

    @Test
    void aHistoryLookupSlowerThanItsTimeoutLeavesTheOtherRulesToDecide() {
        RoutingService routing = service(new CallerHistory(null) {
            @Override
            History of(NormalizedNumber number, UUID exclude, Instant at) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new History(10, true);
            }
        });

        long start = System.nanoTime();
        RouteDecision decision = routing.decide(call());

        assertThat(decision).isEqualTo(new RouteDecision("q102-kk", 2, "rule:kazakh"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
    }

    @Test
    void aFailingHistoryLookupLeavesTheOtherRulesToDecide() {
        RoutingService routing = service(new CallerHistory(null) {
            @Override
            History of(NormalizedNumber number, UUID exclude, Instant at) {
                throw new IllegalStateException("database down");
            }
        });
        assertThat(routing.decide(call())).isEqualTo(new RouteDecision("q102-kk", 2, "rule:kazakh"));
    }

    @Test
    void aTimelyHistoryLookupDecides() {
        RoutingService routing = service(new CallerHistory(null) {
            @Override
            History of(NormalizedNumber number, UUID exclude, Instant at) {
                return new History(2, false);
            }
        });
        assertThat(routing.decide(call())).isEqualTo(new RouteDecision("q102", 7, "rule:repeat"));
    }
}
