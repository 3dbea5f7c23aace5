package kz.line102.callcenter.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** The dialplan globals follow the configuration, and a configuration Asterisk could not use is refused by name. */
class DialplanGlobalsTest {

    @Test
    void inAriModeMixMonitorWritesIntoAsterisksRecordingDirectoryWhereAriFindsTheFiles() {
        DialplanGlobals g = DialplanGlobals.from(ConfFiles.documented(Map.of("line102.recorder.ingest.source", "ari")),
                OptionalInt.empty(), null, null);
        assertThat(g.recordingDir()).isEqualTo("/var/spool/asterisk/recording");
        assertThat(g.render()).contains("RECDIR = /var/spool/asterisk/recording\n")
                .contains("the only one ARI serves files from (source ari)");

        DialplanGlobals sub = DialplanGlobals.from(ConfFiles.documented(Map.of("line102.recorder.ingest.source", "ari")),
                OptionalInt.empty(), null, "/var/spool/asterisk/recording/line102/");
        assertThat(sub.recordingDir()).isEqualTo("/var/spool/asterisk/recording/line102");

        assertThatThrownBy(() -> DialplanGlobals.from(ConfFiles.documented(
                Map.of("line102.recorder.ingest.source", "ari")), OptionalInt.empty(), null, "/var/spool/asterisk/monitor"))
                .isInstanceOf(GlobalsNotRenderableException.class)
                .hasMessageContaining("outside Asterisk's recording directory /var/spool/asterisk/recording")
                .hasMessageContaining("line102.recorder.ingest.ari.recording-dir");
    }

    @Test
    void aRelativeSpoolDirectoryIsRefusedWithItsKeyUnlessThePbxPathIsGiven() {
        Map<String, String> relative = Map.of("line102.recorder.ingest.spool-dir", "data/recordings/spool");
        assertThatThrownBy(() -> DialplanGlobals.from(ConfFiles.documented(relative), OptionalInt.empty(), null, null))
                .isInstanceOf(GlobalsNotRenderableException.class)
                .hasMessageContaining("line102.recorder.ingest.spool-dir is the relative path data/recordings/spool");
        DialplanGlobals mounted = DialplanGlobals.from(ConfFiles.documented(relative), OptionalInt.empty(), null,
                "/var/spool/asterisk/monitor");
        assertThat(mounted.render()).contains("RECDIR = /var/spool/asterisk/monitor\n")
                .contains("the directory the recorder reads at\n; data/recordings/spool");
    }

    @Test
    void theBoundPortAndAGivenHostMakeTheAgiUrlAndAWildcardBindAddressNeedsAHost() {
        DialplanGlobals bound = DialplanGlobals.from(ConfFiles.documented(Map.of("line102.cti.agi.port", "0")),
                OptionalInt.of(40123), "10.0.0.7", null);
        assertThat(bound.agiUrl()).isEqualTo("agi://10.0.0.7:40123/route102");
        assertThat(DialplanGlobals.from(ConfFiles.documented(), OptionalInt.empty(), "fd00::7", null).agiUrl())
                .isEqualTo("agi://[fd00::7]:4573/route102");

        assertThatThrownBy(() -> DialplanGlobals.from(ConfFiles.documented(Map.of("line102.cti.agi.port", "0")),
                OptionalInt.empty(), null, null))
                .isInstanceOf(GlobalsNotRenderableException.class).hasMessageContaining("line102.cti.agi.port is 0");
        assertThatThrownBy(() -> DialplanGlobals.from(ConfFiles.documented(
                Map.of("line102.cti.agi.bind-address", "0.0.0.0")), OptionalInt.empty(), null, null))
                .isInstanceOf(GlobalsNotRenderableException.class)
                .hasMessageContaining("line102.cti.agi.bind-address is 0.0.0.0").hasMessageContaining("agi-host");
    }

    @Test
    void theDefaultQueueAndPriorityAreTheRoutingServicesOwn() {
        DialplanGlobals g = DialplanGlobals.from(ConfFiles.documented(Map.of(
                "line102.cti.agi.default-queue", "q102-kk", "line102.cti.agi.default-priority", "3")),
                OptionalInt.empty(), null, null);
        assertThat(g.render()).contains("ROUTE_DEFAULT_QUEUE = q102-kk\n").contains("ROUTE_DEFAULT_PRIO = 3\n");
        assertThatThrownBy(() -> DialplanGlobals.from(ConfFiles.documented(
                Map.of("line102.cti.agi.default-queue", "q102;x")), OptionalInt.empty(), null, null))
                .isInstanceOf(GlobalsNotRenderableException.class).hasMessageContaining("'q102;x'");
    }

    @Test
    void givenValuesThatTheDialplanWouldNotTakeLiterallyAreMalformedInput() {
        assertThatThrownBy(() -> DialplanGlobals.from(ConfFiles.documented(), OptionalInt.empty(), null, "recordings"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> DialplanGlobals.from(ConfFiles.documented(), OptionalInt.empty(), null,
                "/var/spool/${EVIL}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DialplanGlobals.from(ConfFiles.documented(), OptionalInt.empty(), null,
                "/var/spool/../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DialplanGlobals.from(ConfFiles.documented(), OptionalInt.empty(), "host;x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agi-host");
    }
}
