package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CallSweeperTest extends IntakeTestSupport {

    @Autowired
    CallSweeper sweeper;
    @Autowired
    JdbcCallRepository calls;

    @Test
    void aCallWhoseEndWasLostIsClosedOnceWithAnInferredEnd() {
        CallId lost = newCall();
        CallId live = newCall();
        Instant longAgo = Instant.now().minus(Duration.ofHours(5));
        List.of(new CallOffered(EventId.random(), lost, longAgo, "+77012345678", null, "102", true),
                new CallQueued(EventId.random(), lost, longAgo.plusSeconds(6), "q102", 1),
                new CallOffered(EventId.random(), live, Instant.now(), "+77012345679", null, "102", true))
                .forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> storedEvents(lost) == 2 && storedEvents(live) == 1);

        sweeper.sweep();
        sweeper.sweep();

        CallRecord r = calls.find(UUID.fromString(lost.value())).orElseThrow();
        assertThat(r.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(r.fullyObserved()).isFalse();
        assertThat(r.endedAt()).isAfter(longAgo);
        assertThat(storedEvents(lost)).isEqualTo(3);
        assertThat(outcome(live)).as("a call with recent events is left alone").isNull();
    }
}
