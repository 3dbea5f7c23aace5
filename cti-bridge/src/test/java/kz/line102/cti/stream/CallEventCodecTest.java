package kz.line102.cti.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import kz.line102.cti.EventSource;
import kz.line102.cti.OperatorMissed;
import kz.line102.cti.OperatorRang;
import kz.line102.cti.RecordingFinished;
import kz.line102.cti.RecordingStarted;
import org.junit.jupiter.api.Test;

class CallEventCodecTest {

    private final CallEventCodec codec = new CallEventCodec();
    private final CallId call = CallId.derive("pbx", "1795390568.0");
    private final Instant at = Instant.parse("2026-11-22T23:36:08.373591Z");

    static List<CallEvent> oneOfEach(CallId call, Instant at) {
        return List.of(
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
    }

    @Test
    void everyEventTypeSurvivesTheRoundTrip() {
        List<CallEvent> all = oneOfEach(call, at);
        assertThat(all).extracting(CallEvent::type)
                .containsExactlyInAnyOrderElementsOf(
                        List.of(CallEvent.class.getPermittedSubclasses()).stream().map(Class::getSimpleName).toList());
        for (CallEvent e : all) {
            Map<String, String> fields = codec.encode(e);
            assertThat(fields).containsEntry("type", e.type()).containsEntry("call", call.value());
            assertThat(codec.decode(fields)).isEqualTo(e);
            assertThat(codec.decode(codec.fromLine(codec.toLine(fields)))).isEqualTo(e);
        }
    }

    @Test
    void aSourceSurvivesTheRoundTrip() {
        List<CallEvent> all = List.of(
                new CallAnswered(EventId.random(), call, at, "q102", "1001", 2, 2, EventSource.LOGGED),
                new CallEnded(EventId.random(), call, at, 16, "Normal Clearing", true, EventSource.LOGGED),
                new CallEnded(EventId.random(), call, at, 0, null, false, EventSource.INFERRED),
                new RecordingFinished(EventId.random(), call, at, "/x.wav", EventSource.INFERRED));
        for (CallEvent e : all) {
            CallEvent back = codec.decode(codec.fromLine(codec.toLine(codec.encode(e))));
            assertThat(back).isEqualTo(e);
            assertThat(back.source()).isEqualTo(e.source());
        }
    }

    @Test
    void linesStoredBeforeSourcesExistedStillDecode() {
        String id = EventId.random().value();
        CallEvent answered = codec.decode(Map.of("type", "CallAnswered", "body", "{\"eventId\":{\"value\":\"" + id
                + "\"},\"callId\":{\"value\":\"" + call.value() + "\"},\"at\":\"2026-11-22T23:36:08Z\","
                + "\"queue\":\"q102\",\"operator\":\"1001\",\"holdSeconds\":3,\"ringSeconds\":1}"));
        assertThat(answered.source()).isEqualTo(EventSource.OBSERVED);
        CallEnded inferred = (CallEnded) codec.decode(Map.of("type", "CallEnded", "body", "{\"eventId\":{\"value\":\""
                + id + "\"},\"callId\":{\"value\":\"" + call.value() + "\"},\"at\":\"2026-11-22T23:36:08Z\","
                + "\"cause\":0,\"observed\":false}"));
        assertThat(inferred.source()).isEqualTo(EventSource.INFERRED);
        assertThat(inferred.observed()).isFalse();
    }

    @Test
    void cyrillicAndKazakhNamesSurvive() {
        CallOffered e = new CallOffered(EventId.random(), call, at, "87172123456", "Әлия Қасымқызы", "102", true);
        assertThat(codec.decode(codec.fromLine(codec.toLine(codec.encode(e))))).isEqualTo(e);
    }

    @Test
    void anEntryWithoutTypeOrBodyIsRefusedWithAClearReason() {
        Map<String, String> fields = new HashMap<>(codec.encode(oneOfEach(call, at).get(0)));
        fields.remove("type");
        assertThatThrownBy(() -> codec.decode(fields)).isInstanceOf(MalformedCallEventException.class)
                .hasMessageContaining("missing 'type'");
    }

    @Test
    void anUnknownTypeOrBrokenBodyIsRefused() {
        Map<String, String> fields = new HashMap<>(codec.encode(oneOfEach(call, at).get(0)));
        fields.put("type", "CallTeleported");
        assertThatThrownBy(() -> codec.decode(fields)).hasMessageContaining("unknown event type 'CallTeleported'");
        fields.put("type", "CallOffered");
        fields.put("body", "{not json");
        assertThatThrownBy(() -> codec.decode(fields)).isInstanceOf(MalformedCallEventException.class)
                .hasMessageContaining("unreadable CallOffered body");
        fields.put("body", "{\"callerNumber\":\"1\"}");
        assertThatThrownBy(() -> codec.decode(fields)).isInstanceOf(MalformedCallEventException.class);
    }
}
