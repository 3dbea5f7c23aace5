package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import kz.line102.cti.PbxInfo;
import kz.line102.cti.QueueCommandException;
import kz.line102.cti.replay.PlayOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the PBX tells of itself (globals, clock, permissions) through the real client to the replayed PBX. */
class PbxInfoReplayTest {

    private ReplayBench bench;
    private PbxInfo info;

    @BeforeEach
    void start() throws Exception {
        bench = new ReplayBench().started();
        info = bench.connector.pbxInfo();
    }

    @AfterEach
    void stop() {
        bench.close();
    }

    @Test
    void aGlobalIsReadBackAndAnUnsetOneIsEmpty() {
        bench.server.setGlobal("ROUTE_AGI", "agi://10.0.0.5:4573/route102");
        assertThat(info.getGlobal("ROUTE_AGI")).contains("agi://10.0.0.5:4573/route102");
        assertThat(info.getGlobal("NO_SUCH_GLOBAL")).isEmpty();
        assertThat(bench.server.actionsReceived()).anySatisfy(a -> {
            assertThat(a.get("action")).isEqualToIgnoringCase("Getvar");
            assertThat(a).doesNotContainKey("channel");
        });
    }

    @Test
    void thePbxClockComesFromPing() {
        Instant before = Instant.now();
        Instant pbx = info.pbxTime();
        assertThat(pbx).isBetween(before.minusSeconds(2), Instant.now().plusSeconds(2));
    }

    @Test
    void aLoginWithoutClassesHearsNoEventOfThemAndMayNotSendTheirActions() throws Exception {
        assertThat(info.allowedActions()).contains("QueueAdd", "QueuePause", "Getvar", "CoreShowChannels");
        bench.server.play("answered", PlayOptions.fast()).done().get();
        await().atMost(Duration.ofSeconds(5)).until(() -> info.heardEvents().heard("call"));
        assertThat(info.heardEvents().heard("agent")).isTrue();

        bench.server.restrictPermissions(Set.of("system", "agent", "dialplan"), Set.of("system", "reporting"));
        assertThat(info.allowedActions()).contains("CoreShowChannels").doesNotContain("QueueAdd", "QueuePause");
        assertThatThrownBy(() -> bench.connector.queueControl().pause("q102", "PJSIP/1001", true, "x"))
                .isInstanceOf(QueueCommandException.class).hasMessageContaining("Permission denied");
        // A new login starts the counts again: what the restricted user hears.
        Instant firstLogin = info.heardEvents().since();
        bench.server.dropClients(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> bench.connector.health().connected()
                && info.heardEvents().since().isAfter(firstLogin));
        assertThat(info.heardEvents().heard("call")).isFalse();
        bench.server.play("answered", PlayOptions.fast()).done().get();
        await().atMost(Duration.ofSeconds(5)).until(() -> info.heardEvents().heard("agent"));
        assertThat(info.heardEvents().heard("call")).isFalse();
    }
}
