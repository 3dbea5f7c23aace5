package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

/** A call whose first event was lost asks for a resync instead of silently losing the rest of it. */
class UnknownCallTest {

    @Test
    void aQueueEventOfACallNeverSeenToBeginAsksForItOnce() {
        List<CallEvent> out = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        CallTracker tracker = new CallTracker();
        AmiEventTranslator translator = new AmiEventTranslator("p", Set.of("from-pstn"), tracker, out::add,
                Clock.systemUTC(), asked::add);
        List<ManagerEvent> events = Captures.events("answered", AmiEventFilter.CALLS, AmiInputListener.NONE);
        String linkedId = events.stream().filter(NewChannelEvent.class::isInstance).map(AmiValues::linkedId)
                .findFirst().orElseThrow();
        // asterisk-java's queue overflowed: every Newchannel of the call is gone.
        events.stream().filter(e -> !(e instanceof NewChannelEvent)).forEach(e -> translator.translate(e, 0));

        assertThat(out).isEmpty();
        assertThat(asked).isNotEmpty().containsOnly(linkedId);
    }

    @Test
    void aCallSeenWholeAsksForNothing() {
        List<String> asked = new ArrayList<>();
        AmiEventTranslator translator = new AmiEventTranslator("p", Set.of("from-pstn"), new CallTracker(),
                e -> { }, Clock.systemUTC(), asked::add);
        Captures.events("answered", AmiEventFilter.CALLS, AmiInputListener.NONE)
                .forEach(e -> translator.translate(e, 0));
        assertThat(asked).isEmpty();
    }

    @Test
    void anAgentCompleteAfterTheCallersHangupStillSaysWhoHungUp() {
        List<CallEvent> out = new ArrayList<>();
        AmiEventTranslator translator = new AmiEventTranslator("p", Set.of("from-pstn"), new CallTracker(), out::add,
                Clock.systemUTC(), linkedId -> { });
        List<ManagerEvent> events = new ArrayList<>(
                Captures.events("answered", AmiEventFilter.CALLS, AmiInputListener.NONE));
        AgentCompleteEvent complete = events.stream().filter(AgentCompleteEvent.class::isInstance)
                .map(AgentCompleteEvent.class::cast).findFirst().orElseThrow();
        String linkedId = AmiValues.linkedId(complete);
        // As seen in a burst: the caller's Hangup first, AgentComplete right after it.
        events.remove(complete);
        int callerHangup = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof HangupEvent h && linkedId.equals(h.getUniqueId())) {
                callerHangup = i;
            }
        }
        assertThat(callerHangup).isNotNegative();
        events.add(callerHangup + 1, complete);
        events.forEach(e -> translator.translate(e, 0));

        assertThat(out).filteredOn(CallCompleted.class::isInstance).singleElement()
                .extracting(e -> ((CallCompleted) e).hungUpBy()).isEqualTo(complete.getReason());
    }
}
