package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.cti.CallAbandoned;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallLeftQueue;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.OperatorMissed;
import kz.line102.cti.OperatorRang;
import kz.line102.cti.RecordingFinished;
import kz.line102.cti.RecordingStarted;
import org.junit.jupiter.api.Test;

/**
 * Java 17 has no exhaustive switch over the sealed CallEvent family: this is the check that
 * a new event type gets its case in the projector (the codec and the translator have theirs
 * in cti-bridge: CallEventCodecTest, AmiEventTranslatorTest).
 */
class ProjectorCoverageTest {

    @Test
    void theProjectorHasACaseForEveryCallEventType() {
        CallId call = CallId.derive("coverage", "1.0");
        Instant at = Instant.parse("2026-12-04T06:50:30Z");
        List<CallEvent> oneOfEach = List.of(
                new CallOffered(EventId.random(), call, at, "+77012345678", "Ербол", "102", true),
                new CallQueued(EventId.random(), call, at, "q102", 1),
                new OperatorRang(EventId.random(), call, at, "q102", "1001", "Operator 1"),
                new OperatorMissed(EventId.random(), call, at, "q102", "1001", 6000),
                new CallLeftQueue(EventId.random(), call, at, "q102", 1, 0),
                new CallAnswered(EventId.random(), call, at, "q102", "1002", 9, 2),
                new CallAbandoned(EventId.random(), call, at, "q102", 1, 2, 8),
                new CallCompleted(EventId.random(), call, at, "q102", "1002", 9, 20, "caller"),
                new CallEnded(EventId.random(), call, at, 16, "Normal Clearing", true),
                new RecordingStarted(EventId.random(), call, at, "/var/spool/asterisk/monitor/102-x.wav"),
                new RecordingFinished(EventId.random(), call, at, "/var/spool/asterisk/monitor/102-x.wav"));
        assertThat(oneOfEach.stream().map(e -> e.getClass().getName()).toList()).as("one of each type; add the new one")
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(CallEvent.class.getPermittedSubclasses())
                        .map(Class::getName).toList());

        List<CallEvent> unprojected = new ArrayList<>();
        new CallRecordProjector(new PhoneNumbers()).project(call, oneOfEach, unprojected::add);

        assertThat(unprojected).isEmpty();
    }
}
