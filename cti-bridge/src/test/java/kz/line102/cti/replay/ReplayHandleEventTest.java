package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A played call's events, read back with its fresh values, as the benchmark derives PBX log rows from them. */
class ReplayHandleEventTest {

    @Test
    void eventCarriesTheInstancesFreshValuesAndTheGivenTime() throws Exception {
        try (AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral("u", "s"))) {
            ReplayHandle h = server.play("answered", PlayOptions.fast());
            h.done().get();

            Map<String, String> first = h.event(0, 1_796_367_030_258_670L);
            assertThat(first).containsEntry("Event", "Newchannel")
                    .containsEntry("Uniqueid", h.linkedid())
                    .containsEntry("Linkedid", h.linkedid())
                    .containsEntry("CallerIDNum", h.callerNumber())
                    .containsEntry("Context", "from-pstn")
                    .containsEntry("Timestamp", "1796367030.258670");
            Map<String, String> last = h.event(h.eventCount() - 1, 1_796_367_060_000_000L);
            assertThat(last.get("Event")).isNotBlank();
            assertThat(last).doesNotContainValue(null);
        }
    }
}
