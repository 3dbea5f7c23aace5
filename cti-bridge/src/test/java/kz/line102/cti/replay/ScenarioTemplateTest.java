package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioTemplateTest {

    static List<String> bundled() {
        return Scenario.BUNDLED;
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void bundledCopyIsByteForByteTheSharedFixture(String scenario) {
        assertThat(Scenario.ReplayResources.read("ami-" + scenario + ".txt")).isEqualTo(Fixtures.capture(scenario));
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void keepsOnlyTheCallsAsynchronousEventsInCapturedOrder(String scenario) {
        Scenario compiled = Scenario.fromCapture(scenario, Fixtures.capture(scenario));

        List<String> expected = new ArrayList<>();
        for (CapturedBlock b : CaptureParser.parse(Fixtures.capture(scenario)).blocks()) {
            if (b.has("Timestamp") && !b.has("ActionID") && !b.get("Privilege").startsWith("security")) {
                expected.add(b.eventName());
            }
        }
        assertThat(compiled.events()).extracting(EventTemplate::name).containsExactlyElementsOf(expected);
        assertThat(compiled.events()).extracting(EventTemplate::name)
                .doesNotContain("SuccessfulAuth", "QueueParams", "QueueMember", "QueueEntry", "CoreShowChannel",
                        "QueueSummary", "FullyBooted");
        assertThat(compiled.events()).extracting(EventTemplate::offsetMicros).isSorted();
    }

    /** With every slot filled by the captured token, rendering gives back the capture's bytes. */
    @ParameterizedTest
    @MethodSource("bundled")
    void templatesPreserveHeaderOrderAndFormattingExactly(String scenario) {
        byte[] capture = Fixtures.capture(scenario);
        Scenario compiled = Scenario.fromCapture(scenario, capture);
        byte[][] originals = compiled.variables().stream().map(v -> EventTemplate.latin1(v.original()))
                .toArray(byte[][]::new);
        String text = new String(capture, StandardCharsets.ISO_8859_1);

        for (EventTemplate e : compiled.events()) {
            ByteSink sink = new ByteSink(1024);
            e.render(originals, compiled.firstEventEpochMicros() + e.offsetMicros(), sink);
            assertThat(text).contains("\r\n\r\n" + sink.toLatin1String());
        }
    }
}
