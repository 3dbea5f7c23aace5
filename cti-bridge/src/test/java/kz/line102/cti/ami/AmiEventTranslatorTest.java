package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

/** Each captured scenario, fed through guard, asterisk-java's builder and the translator, gives the call's story. */
class AmiEventTranslatorTest {

    private static final String PBX = "lab";
    private static final EventId ANY = new EventId("ignored");
    private static final String REC = "/var/spool/asterisk/monitor/102-20261122-";

    private final CallTracker tracker = new CallTracker();
    private final List<CallEvent> out = new ArrayList<>();

    @Test
    void answeredCallTellsOfferRecordingQueueRingAnswerCompletionAndEnd() {
        List<CallEvent> events = translate("answered");
        CallId call = CallId.derive(PBX, "1795390568.0");
        String file = REC + "233608-1795390568.0.wav";

        assertThat(events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId").containsExactly(
                new CallOffered(ANY, call, at("1795390568.373591"), "+77012345678", "+77012345678", "102", true),
                new RecordingStarted(ANY, call, at("1795390568.391906"), file),
                new CallQueued(ANY, call, at("1795390573.506925"), "q102", 1),
                new OperatorRang(ANY, call, at("1795390573.508040"), "q102", "1001", "Operator 1"),
                new CallLeftQueue(ANY, call, at("1795390575.513681"), "q102", 1, 0),
                new CallAnswered(ANY, call, at("1795390575.513695"), "q102", "1001", 2, 2),
                new CallCompleted(ANY, call, at("1795390588.382628"), "q102", "1001", 2, 13, "caller"),
                new CallEnded(ANY, call, at("1795390588.383628"), 16, "Normal Clearing", true),
                new RecordingFinished(ANY, call, at("1795390588.383628"), file));
        assertThat(tracker.size()).as("the ended call is forgotten").isZero();
    }

    @Test
    void callerWhoHangsUpWaitingAloneIsAbandonedWithCauseZero() {
        List<CallEvent> events = translate("abandon");
        CallId call = CallId.derive(PBX, "1795390598.2");
        String file = REC + "233638-1795390598.2.wav";

        assertThat(events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId").containsExactly(
                new CallOffered(ANY, call, at("1795390598.028953"), "87172123456", "87172123456", "102", true),
                new RecordingStarted(ANY, call, at("1795390598.046295"), file),
                new CallQueued(ANY, call, at("1795390603.160607"), "q102", 1),
                new CallAbandoned(ANY, call, at("1795390611.034438"), "q102", 1, 1, 8),
                new CallLeftQueue(ANY, call, at("1795390611.034472"), "q102", 1, 0),
                new CallEnded(ANY, call, at("1795390611.034695"), 0, "Unknown", true),
                new RecordingFinished(ANY, call, at("1795390611.034695"), file));
    }

    @Test
    void callerWhoHangsUpWhileTheSecondOperatorRingsMissedTheFirstAndAbandons() {
        List<CallEvent> events = translate("abandon-ringing");
        CallId call = CallId.derive(PBX, "1795390618.3");
        String file = REC + "233658-1795390618.3.wav";

        assertThat(events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId").containsExactly(
                new CallOffered(ANY, call, at("1795390618.657512"), "+77012345678", "+77012345678", "102", true),
                new RecordingStarted(ANY, call, at("1795390618.674933"), file),
                new CallQueued(ANY, call, at("1795390623.789628"), "q102", 1),
                new OperatorRang(ANY, call, at("1795390623.791852"), "q102", "1001", "Operator 1"),
                new OperatorMissed(ANY, call, at("1795390629.792265"), "q102", "1001", 6000),
                new OperatorRang(ANY, call, at("1795390630.795110"), "q102", "1002", "Operator 2"),
                new CallAbandoned(ANY, call, at("1795390634.166364"), "q102", 1, 1, 11),
                new CallLeftQueue(ANY, call, at("1795390634.166406"), "q102", 1, 0),
                new CallEnded(ANY, call, at("1795390634.166421"), 0, "Unknown", true),
                new RecordingFinished(ANY, call, at("1795390634.166421"), file));
    }

    @Test
    void secondOperatorAnswersAfterTheFirstRingsOutAndTheOperatorHangsUp() {
        List<CallEvent> events = translate("rna-answer");
        CallId call = CallId.derive(PBX, "1795390642.6");
        String file = REC + "233722-1795390642.6.wav";

        assertThat(events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId").containsExactly(
                new CallOffered(ANY, call, at("1795390642.297179"), "87172123456", "87172123456", "102", true),
                new RecordingStarted(ANY, call, at("1795390642.310301"), file),
                new CallQueued(ANY, call, at("1795390647.425420"), "q102", 1),
                new OperatorRang(ANY, call, at("1795390647.426877"), "q102", "1001", "Operator 1"),
                new OperatorMissed(ANY, call, at("1795390653.427785"), "q102", "1001", 6000),
                new OperatorRang(ANY, call, at("1795390654.429678"), "q102", "1002", "Operator 2"),
                new CallLeftQueue(ANY, call, at("1795390656.438001"), "q102", 1, 0),
                new CallAnswered(ANY, call, at("1795390656.438020"), "q102", "1002", 9, 2),
                new CallCompleted(ANY, call, at("1795390664.442717"), "q102", "1002", 9, 8, "agent"),
                new CallEnded(ANY, call, at("1795390664.443526"), 16, "Normal Clearing", true),
                new RecordingFinished(ANY, call, at("1795390664.443526"), file));
    }

    @Test
    void twoCallersInOneQueueAreKeptApart() {
        List<CallEvent> events = translate("two-callers");
        CallId first = CallId.derive(PBX, "1795390674.9");
        CallId second = CallId.derive(PBX, "1795390676.10");

        assertThat(events.stream().filter(e -> e.callId().equals(first)).toList())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId").containsExactly(
                new CallOffered(ANY, first, at("1795390674.913631"), "+77012345678", "+77012345678", "102", true),
                new RecordingStarted(ANY, first, at("1795390674.931141"), REC + "233754-1795390674.9.wav"),
                new CallQueued(ANY, first, at("1795390680.046381"), "q102", 1),
                new OperatorRang(ANY, first, at("1795390687.051728"), "q102", "1001", "Operator 1"),
                new CallLeftQueue(ANY, first, at("1795390688.057740"), "q102", 1, 1),
                new CallAnswered(ANY, first, at("1795390688.057758"), "q102", "1001", 8, 1),
                new CallCompleted(ANY, first, at("1795390698.922752"), "q102", "1001", 8, 10, "caller"),
                new CallEnded(ANY, first, at("1795390698.923544"), 16, "Normal Clearing", true),
                new RecordingFinished(ANY, first, at("1795390698.923544"), REC + "233754-1795390674.9.wav"));
        assertThat(events.stream().filter(e -> e.callId().equals(second)).toList())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId").containsExactly(
                new CallOffered(ANY, second, at("1795390676.917635"), "87172123456", "87172123456", "102", true),
                new RecordingStarted(ANY, second, at("1795390676.935434"), REC + "233756-1795390676.10.wav"),
                new CallQueued(ANY, second, at("1795390682.049558"), "q102", 2),
                new CallAbandoned(ANY, second, at("1795390693.927165"), "q102", 1, 2, 11),
                new CallLeftQueue(ANY, second, at("1795390693.927222"), "q102", 1, 0),
                new CallEnded(ANY, second, at("1795390693.927439"), 0, "Unknown", true),
                new RecordingFinished(ANY, second, at("1795390693.927439"), REC + "233756-1795390676.10.wav"));
        assertThat(events).hasSize(16);
    }

    @Test
    void callRoutedByTheFallbackWhenTheRouterIsDownIsAnsweredAsUsual() {
        List<CallEvent> events = translate("agi-down");
        CallId call = CallId.derive(PBX, "1795390708.12");
        String file = REC + "233828-1795390708.12.wav";

        assertThat(events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId").containsExactly(
                new CallOffered(ANY, call, at("1795390708.029116"), "87172123456", "87172123456", "102", true),
                new RecordingStarted(ANY, call, at("1795390708.046313"), file),
                new CallQueued(ANY, call, at("1795390713.160082"), "q102", 1),
                new OperatorRang(ANY, call, at("1795390713.162145"), "q102", "1001", "Operator 1"),
                new CallLeftQueue(ANY, call, at("1795390714.670702"), "q102", 1, 0),
                new CallAnswered(ANY, call, at("1795390714.670736"), "q102", "1001", 1, 1),
                new CallCompleted(ANY, call, at("1795390724.037873"), "q102", "1001", 1, 10, "caller"),
                new CallEnded(ANY, call, at("1795390724.038903"), 16, "Normal Clearing", true),
                new RecordingFinished(ANY, call, at("1795390724.038903"), file));
    }

    @Test
    void translatingTheSameCaptureAgainGivesTheSameEventIdsAndNoTwoEventsShareOne() {
        List<EventId> first = translate("rna-answer").stream().map(CallEvent::eventId).toList();
        out.clear();
        List<EventId> again = new AmiEventTranslatorTest().translate("rna-answer").stream()
                .map(CallEvent::eventId).toList();

        assertThat(again).isEqualTo(first);
        assertThat(Set.copyOf(first)).hasSameSizeAs(first);
    }

    @Test
    void stopMixMonitorFinishesTheRecordingAndALaterOneOnTheOperatorLegEndsWithThatLeg() {
        List<CallEvent> events = translate("actions");
        CallId call = CallId.derive(PBX, "1795390732.14");

        List<String> story = events.stream().filter(e -> e.callId().equals(call))
                .map(e -> e.type() + (e instanceof RecordingStarted r ? ":" + r.fileName()
                        : e instanceof RecordingFinished r ? ":" + r.fileName() : ""))
                .collect(Collectors.toList());
        assertThat(story).filteredOn(s -> s.startsWith("Recording")).hasSize(4);
        assertThat(story.indexOf(story.stream().filter(s -> s.startsWith("RecordingFinished")).findFirst().orElseThrow()))
                .as("StopMixMonitor closes the first file before the call ends")
                .isLessThan(story.indexOf("CallEnded"));
        assertThat(story.get(story.size() - 1)).startsWith("RecordingFinished");
    }

    @Test
    void channelsOutsideTheInboundContextsAreNotCalls() {
        List<CallEvent> events = translate("originate");

        assertThat(events).isEmpty();
        assertThat(tracker.size()).isZero();
    }

    /**
     * A new CallEvent type must come out of the translator for some captured call: a type
     * that is declared, encoded and projected but never emitted is a contract nobody keeps.
     */
    @Test
    void everyCallEventTypeComesOutOfSomeCapturedScenario() {
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (String scenario : List.of("answered", "abandon", "abandon-ringing", "rna-answer", "two-callers",
                "agi-down", "originate", "actions")) {
            out.clear();
            translate(scenario).forEach(e -> seen.add(e.getClass()));
        }
        assertThat(seen).containsExactlyInAnyOrder(CallEvent.class.getPermittedSubclasses());
    }

    private List<CallEvent> translate(String scenario) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T23:00:00Z"), ZoneOffset.UTC);
        AmiEventTranslator translator = new AmiEventTranslator(PBX, Set.of("from-pstn"), tracker, out::add, clock);
        AmiEventRouter router = new AmiEventRouter(translator, (key, task) -> task.run(), () -> { });
        Captures.events(scenario, AmiEventFilter.CALLS, AmiInputListener.NONE).forEach(router::onManagerEvent);
        return List.copyOf(out);
    }

    static Instant at(String amiTimestamp) {
        String[] p = amiTimestamp.split("\\.");
        return Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1]) * 1000);
    }
}
