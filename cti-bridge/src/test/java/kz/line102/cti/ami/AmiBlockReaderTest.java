package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;

class AmiBlockReaderTest {

    private static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
    private static final String NEWCHANNEL = block("Event: Newchannel", "Privilege: call,all",
            "Timestamp: 1795390568.373591", "Channel: PJSIP/pstn-00000000", "CallerIDNum: +77012345678",
            "CallerIDName: +77012345678", "Context: from-pstn", "Exten: 102", "Uniqueid: 1795390568.0",
            "Linkedid: 1795390568.0");
    private static final String HANGUP = block("Event: Hangup", "Privilege: call,all",
            "Timestamp: 1795390588.383628", "Channel: PJSIP/pstn-00000000", "Uniqueid: 1795390568.0",
            "Linkedid: 1795390568.0", "Cause: 16", "Cause-txt: Normal Clearing");

    private final RecordingInputListener listener = new RecordingInputListener();

    @Test
    void garbageLineInsideAnEventIsDroppedAndCountedAndTheEventSurvives() {
        String withGarbage = NEWCHANNEL.replace("Exten: 102\r\n", "Exten: 102\r\nthis is not a header\r\n");

        List<ManagerEvent> events = parse(BANNER + withGarbage + HANGUP);

        assertThat(events).hasExactlyElementsOfTypes(NewChannelEvent.class, HangupEvent.class);
        assertThat(listener.kinds).containsExactly(MalformedInput.GARBAGE_LINE);
        assertThat(listener.details.get(0)).contains("this is not a header").contains("newchannel");
    }

    @Test
    void blockWithoutEventOrResponseIsDroppedAndCounted() {
        List<ManagerEvent> events = parse(BANNER + block("Channel: PJSIP/x", "Uniqueid: 1.1") + HANGUP);

        assertThat(events).hasExactlyElementsOfTypes(HangupEvent.class);
        assertThat(listener.kinds).containsExactly(MalformedInput.HEADERLESS_BLOCK);
        assertThat(listener.details.get(0)).contains("2 lines");
    }

    @Test
    void twoEventsRunTogetherAreDroppedRatherThanMixed() {
        String merged = NEWCHANNEL.substring(0, NEWCHANNEL.length() - 2) + HANGUP;

        List<ManagerEvent> events = parse(BANNER + merged + HANGUP);

        assertThat(events).hasExactlyElementsOfTypes(HangupEvent.class);
        assertThat(listener.kinds).containsExactly(MalformedInput.MERGED_BLOCK);
    }

    @Test
    void oversizedLineDropsItsBlockWithoutBufferingItAndReadingGoesOn() {
        String huge = "CallerIDName: " + "x".repeat(5_000_000);
        String bad = NEWCHANNEL.replace("CallerIDName: +77012345678", huge);

        List<ManagerEvent> events = parse(BANNER + bad + HANGUP);

        assertThat(events).hasExactlyElementsOfTypes(HangupEvent.class);
        assertThat(listener.kinds).containsExactly(MalformedInput.OVERSIZED_LINE);
        assertThat(listener.details.get(0)).contains("5000015 bytes").contains("limit 8192");
    }

    @Test
    void oversizedBlockIsDroppedAndCounted() {
        List<String> lines = new ArrayList<>(List.of("Event: Newchannel", "Linkedid: 1.1"));
        for (int i = 0; i < 5_000; i++) {
            lines.add("X-Header-" + i + ": " + "y".repeat(20));
        }

        List<ManagerEvent> events = parse(BANNER + block(lines.toArray(String[]::new)) + HANGUP);

        assertThat(events).hasExactlyElementsOfTypes(HangupEvent.class);
        assertThat(listener.kinds).containsExactly(MalformedInput.OVERSIZED_BLOCK);
    }

    @Test
    void invalidUtf8IsReplacedVisiblyAndCountedAndTheEventKept() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write((BANNER + NEWCHANNEL.replace("CallerIDName: +77012345678", "CallerIDName: Ali@")).getBytes(
                StandardCharsets.UTF_8));
        byte[] bytes = raw.toByteArray();
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Ali@") + 3;
        bytes[at] = (byte) 0xC3; // a lead byte followed by CR: not UTF-8

        List<ManagerEvent> events = parse(bytes);

        assertThat(events).singleElement().isInstanceOf(NewChannelEvent.class);
        assertThat(events.get(0).getCallerIdName()).isEqualTo("Ali\uFFFD");
        assertThat(listener.kinds).containsExactly(MalformedInput.INVALID_UTF8);
    }

    @Test
    void connectionCutInsideAnEventYieldsNoHalfEvent() {
        List<ManagerEvent> events = parse(BANNER + HANGUP + NEWCHANNEL.substring(0, 120));

        assertThat(events).hasExactlyElementsOfTypes(HangupEvent.class);
        assertThat(listener.kinds).containsExactly(MalformedInput.TRUNCATED_BLOCK);
    }

    @Test
    void cleanEndOfStreamIsNoProblem() {
        parse(BANNER + HANGUP);

        assertThat(listener.kinds).isEmpty();
    }

    @Test
    void theVarSetAndNewextenFloodNeverReachesTheParserButTheRecordingFileNameDoes() {
        List<ManagerEvent> events = Captures.events("answered", AmiEventFilter.CALLS, listener);

        assertThat(listener.filtered).containsEntry("varset", 105).containsEntry("newexten", 12)
                .containsEntry("rtcpsent", 5).doesNotContainKeys("hangup", "agentconnect");
        assertThat(events).filteredOn(VarSetEvent.class::isInstance).singleElement()
                .extracting(e -> ((VarSetEvent) e).getVariable()).isEqualTo("MIXMONITOR_FILENAME");
        int filtered = listener.filtered.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(filtered).as("share of the call's events dropped before parsing").isGreaterThan(150);
        assertThat(listener.kinds).isEmpty();
    }

    @Test
    void everyCaptureReadsWithoutAnyMalformedReport() {
        for (String scenario : List.of("answered", "abandon", "abandon-ringing", "rna-answer", "two-callers",
                "agi-down", "actions", "handshake", "member-ops", "originate", "stasis", "restart", "register")) {
            Captures.events(scenario, AmiEventFilter.ALL, listener);
        }

        assertThat(listener.kinds).isEmpty();
    }

    private List<ManagerEvent> parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<ManagerEvent> parse(byte[] bytes) {
        return Captures.events(bytes, AmiEventFilter.ALL, listener);
    }

    static String block(String... lines) {
        return String.join("\r\n", lines) + "\r\n\r\n";
    }

    static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
