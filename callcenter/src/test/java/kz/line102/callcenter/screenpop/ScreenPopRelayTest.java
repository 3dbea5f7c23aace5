package kz.line102.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.cti.CallAbandoned;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.OperatorMissed;
import kz.line102.cti.OperatorRang;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScreenPopRelayTest extends IntakeTestSupport {

    @Autowired
    ScreenPopRelay relay;

    private final String first = "9" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    private final String second = "8" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    private final List<OperatorRing> atFirst = new CopyOnWriteArrayList<>();
    private final List<OperatorRing> atSecond = new CopyOnWriteArrayList<>();

    @BeforeEach
    void consoles() {
        await().atMost(Duration.ofSeconds(10)).until(relay::subscribed);
        relay.register(first, atFirst::add);
        relay.register(second, atSecond::add);
    }

    @Test
    void theRungOperatorGetsTheCallerAndKeepsItUntilTheCallEndsAndNobodyElseSeesIt() {
        CallId call = newCall();
        Instant t0 = Instant.now();
        answered(call, "87172123456", t0, first, 3, 10).subList(0, 3).forEach(publisher::accept);

        await().atMost(Duration.ofSeconds(10)).until(() -> !atFirst.isEmpty());
        OperatorRing ring = atFirst.get(0);
        assertThat(ring.callId()).isEqualTo(call.value());
        assertThat(ring.active()).isTrue();
        assertThat(ring.callerNumber()).isEqualTo("87172123456");
        assertThat(ring.callerNumberE164()).isEqualTo("+77172123456");
        assertThat(relay.current(first)).as("a console that connects now gets the ringing call").contains(ring);
        assertThat(atSecond).isEmpty();

        answered(call, "87172123456", t0, first, 3, 10).subList(3, 7).forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> atFirst.stream().anyMatch(r -> !r.active()));
        assertThat(relay.current(first)).isEmpty();
        assertThat(atSecond).isEmpty();
    }

    @Test
    void aMissedOperatorStopsRingingAndACallerWhoHangsUpWhileRingingStopsEveryPhone() {
        CallId call = newCall();
        Instant t0 = Instant.now();
        List<CallEvent> events = List.of(
                new CallOffered(EventId.random(), call, t0, "+77012345678", null, "102", true),
                new CallQueued(EventId.random(), call, t0.plusSeconds(5), "q102", 1),
                new OperatorRang(EventId.random(), call, t0.plusSeconds(5), "q102", first, "Operator 1"),
                new OperatorMissed(EventId.random(), call, t0.plusSeconds(11), "q102", first, 6000),
                new OperatorRang(EventId.random(), call, t0.plusSeconds(12), "q102", second, "Operator 2"));
        events.forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> atFirst.size() == 2 && atSecond.size() == 1);
        assertThat(atFirst).extracting(OperatorRing::active).containsExactly(true, false);
        assertThat(relay.current(second)).isPresent();

        publisher.accept(new CallAbandoned(EventId.random(), call, t0.plusSeconds(14), "q102", 1, 1, 9));
        publisher.accept(new CallEnded(EventId.random(), call, t0.plusSeconds(14), 0, "Unknown", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> atSecond.size() == 2);
        assertThat(atSecond.get(1).active()).isFalse();
        assertThat(relay.current(second)).isEmpty();

        events.forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.xlen(STREAM) == 0);
        assertThat(atFirst).as("a replayed ring pops nothing").hasSize(2);
    }
}
