package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.EventSource;
import org.junit.jupiter.api.Test;

/** Which source wins, whatever order the events were committed in. */
class CallRecordProjectorTest {

    private final CallRecordProjector projector = new CallRecordProjector(new PhoneNumbers());
    private final CallId call = CallId.derive("projector-test", "1796367030.0");
    private final Instant t0 = Instant.parse("2026-12-04T06:50:30.134666Z");

    private CallRecord project(List<CallEvent> events) {
        CallRecord forward = projector.project(call, events);
        List<CallEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        assertThat(projector.project(call, reversed)).as("commit order changes nothing").isEqualTo(forward);
        return forward;
    }

    @Test
    void aResyncsInferredAnswerAtReconnectNeverOverridesTheObservedOne() {
        CallRecord r = project(List.of(
                new CallOffered(EventId.random(), call, t0, "+77012345678", null, "102", true),
                new CallQueued(EventId.random(), call, t0.plusSeconds(5), "q102", 1),
                new CallAnswered(EventId.random(), call, t0.plusSeconds(7), "q102", "1001", 2, 2),
                new CallAnswered(EventId.random(), call, t0.plusSeconds(39), "q102", "1001", 0, 0,
                        EventSource.INFERRED),
                new CallEnded(EventId.random(), call, t0.plusSeconds(39), 0, null, false)));
        assertThat(r.answeredAt()).isEqualTo(t0.plusSeconds(7));
        assertThat(r.waitSeconds()).isEqualTo(2);
        assertThat(r.answerSource()).isEqualTo(EventSource.OBSERVED);
        assertThat(r.endSource()).isEqualTo(EventSource.INFERRED);
        assertThat(r.source()).isEqualTo(EventSource.INFERRED);
        assertThat(r.fullyObserved()).isFalse();
    }

    @Test
    void aLoggedEndAndTalkReplaceTheResyncsReconnectTime() {
        CallRecord r = project(List.of(
                new CallOffered(EventId.random(), call, t0, "+77012345678", null, "102", true),
                new CallAnswered(EventId.random(), call, t0.plusSeconds(30), "q102", "1001", 0, 0,
                        EventSource.INFERRED),
                new CallEnded(EventId.random(), call, t0.plusSeconds(60), 0, null, false),
                new CallAnswered(EventId.random(), call, t0.plusSeconds(7), "q102", "1001", 2, 2,
                        EventSource.LOGGED),
                new CallCompleted(EventId.random(), call, t0.plusSeconds(29), "q102", "1001", 2, 22, "caller",
                        EventSource.LOGGED),
                new CallEnded(EventId.random(), call, t0.plusSeconds(29), 16, "Normal Clearing", true,
                        EventSource.LOGGED)));
        assertThat(r.answeredAt()).isEqualTo(t0.plusSeconds(7));
        assertThat(r.waitSeconds()).as("not the placeholder 0").isEqualTo(2);
        assertThat(r.talkSeconds()).isEqualTo(22);
        assertThat(r.endedAt()).isEqualTo(t0.plusSeconds(29));
        assertThat(r.endCause()).isEqualTo(16);
        assertThat(r.source()).isEqualTo(EventSource.LOGGED);
        assertThat(r.endSource()).isEqualTo(EventSource.LOGGED);
    }

    @Test
    void anObservedEndWinsOverALoggedOneAndBothOverTheSweepersEnd() {
        CallRecord r = project(List.of(
                new CallOffered(EventId.random(), call, t0, "+77012345678", null, "102", true),
                new CallEnded(EventId.random(), call, t0.plusSeconds(4), 0, "Unknown", true, EventSource.LOGGED),
                new CallEnded(EventId.random(), call, t0.plusSeconds(4).plusMillis(1), 0, "Unknown", true),
                new CallEnded(EventId.random(), call, t0.plusSeconds(14_400), -1, "swept", false)));
        assertThat(r.endedAt()).isEqualTo(t0.plusSeconds(4).plusMillis(1));
        assertThat(r.endSource()).isEqualTo(EventSource.OBSERVED);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(r.fullyObserved()).isTrue();
    }
}
