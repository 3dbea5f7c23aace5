package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.EventSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CallSweeperTest extends IntakeTestSupport {

    @Autowired
    CallSweeper sweeper;
    @Autowired
    CallIntakeService intake;
    @Autowired
    JdbcCallRepository calls;

    /** Makes the call's events look as if they had arrived {@code ago} before now (our clock, not the PBX's). */
    void arrivedAgo(CallId call, Duration ago) {
        jdbc.update("update call_events set received_at = received_at - ?::interval where call_id = ?::uuid",
                ago.toSeconds() + " seconds", call.value());
    }

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
        arrivedAgo(lost, Duration.ofHours(5));

        sweeper.sweep();
        sweeper.sweep();

        CallRecord r = calls.find(UUID.fromString(lost.value())).orElseThrow();
        assertThat(r.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(r.fullyObserved()).isFalse();
        assertThat(r.endedAt()).isAfter(longAgo);
        assertThat(r.endSource()).isEqualTo(EventSource.INFERRED);
        assertThat(r.waitSeconds()).as("the silence is no wait").isNull();
        assertThat(storedEvents(lost)).isEqualTo(3);
        assertThat(outcome(live)).as("a call with recent events is left alone").isNull();
    }

    @Test
    void aPbxClockBehindOursClosesNothingEarly() {
        CallId call = newCall();
        Instant pbxClock = Instant.now().minus(Duration.ofHours(6));
        publisher.accept(new CallOffered(EventId.random(), call, pbxClock, "+77012345670", null, "102", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> storedEvents(call) == 1);

        sweeper.sweep();

        assertThat(outcome(call)).isNull();
    }

    @Test
    void aSilentAnsweredCallItMustCloseIsRecordedAnsweredNotAbandoned() {
        CallId call = newCall();
        Instant t0 = Instant.now().minus(Duration.ofHours(5));
        List.of(new CallOffered(EventId.random(), call, t0, "+77012345671", null, "102", true),
                new CallQueued(EventId.random(), call, t0.plusSeconds(5), "q102", 1),
                new CallAnswered(EventId.random(), call, t0.plusSeconds(8), "q102", "1001", 3, 1))
                .forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> storedEvents(call) == 3);
        arrivedAgo(call, Duration.ofHours(5));

        sweeper.sweep();

        CallRecord r = calls.find(UUID.fromString(call.value())).orElseThrow();
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.operator()).isEqualTo("1001");
        assertThat(r.waitSeconds()).isEqualTo(3);
        assertThat(r.answerSource()).isEqualTo(EventSource.OBSERVED);
        assertThat(r.endSource()).isEqualTo(EventSource.INFERRED);
    }

    @Test
    void aCallThePbxSaysIsUpIsNeverClosed() {
        CallId call = newCall();
        Instant t0 = Instant.now().minus(Duration.ofHours(5));
        publisher.accept(new CallOffered(EventId.random(), call, t0, "+77012345672", null, "102", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> storedEvents(call) == 1);
        arrivedAgo(call, Duration.ofHours(5));
        PbxCallCheck stillUp = (id, offeredAt, now) -> id.equals(call) ? PbxCallCheck.Answer.UP
                : PbxCallCheck.Answer.UNKNOWN;
        PbxCallCheck unreachable = (id, offeredAt, now) -> {
            throw new IllegalStateException("PBX logs away");
        };

        new CallSweeper(jdbc, intake, Duration.ofHours(4), Clock.systemUTC(), List.of(stillUp)).sweep();
        assertThat(outcome(call)).isNull();
        new CallSweeper(jdbc, intake, Duration.ofHours(4), Clock.systemUTC(), List.of(unreachable)).sweep();
        assertThat(outcome(call)).as("not knowing is no reason to close").isNull();
    }
}
