package kz.line102.callcenter.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the calls, a service level is a share of its own divisor: never above 100 %, never below 0. */
class FiguresPropertyTest {

    @Property(tries = 2000)
    void serviceLevelNeverExceedsOneHundredPercent(@ForAll("calls") List<CallFact> calls,
                                                   @ForAll("edges") int t, @ForAll @IntRange(min = 0, max = 61) int s) {
        Figures f = Figures.of(Tally.of(calls), t, s);
        if (f.serviceLevel() != null) {
            assertThat(f.serviceLevel()).isBetween(0.0, 100.0);
        } else {
            assertThat(f.answered() + f.abandonedAfter() + f.timedOut()).isZero();
        }
        assertThat(f.answeredWithin()).isLessThanOrEqualTo(f.answered());
        assertThat(f.abandoned() + f.shortAbandoned()).isEqualTo(f.abandonedInQueue() + f.abandonedRinging());
        assertThat(f.offered()).isEqualTo(calls.size());
    }

    @Property(tries = 500)
    void aPeriodIsTheSumOfItsIntervals(@ForAll("calls") List<CallFact> a, @ForAll("calls") List<CallFact> b) {
        List<CallFact> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(Figures.of(Tally.of(a).merge(Tally.of(b)), 20, 5)).isEqualTo(Figures.of(Tally.of(all), 20, 5));
    }

    @Provide
    Arbitrary<Integer> edges() {
        return Arbitraries.of(WaitBins.edges());
    }

    @Provide
    Arbitrary<List<CallFact>> calls() {
        Arbitrary<CallFact> call = Combinators.combine(Arbitraries.of(CallFact.Kind.values()),
                Arbitraries.integers().between(0, 900), Arbitraries.integers().between(0, 3600),
                Arbitraries.of(true, false)).as((kind, wait, talk, repeat) -> new CallFact("c", "q102",
                        kind == CallFact.Kind.ANSWERED ? "op" : null, "+77010000000", Instant.EPOCH, kind, wait, talk,
                        null, List.of(), repeat, false, false));
        return call.list().ofMaxSize(200);
    }
}
