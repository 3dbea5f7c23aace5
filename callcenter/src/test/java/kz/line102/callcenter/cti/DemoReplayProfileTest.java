package kz.line102.callcenter.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.cti.agi.AgiProperties;
import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.ami.AmiProperties;
import kz.line102.cti.stream.StreamProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.env.MockEnvironment;

/**
 * The AMI replay plays captured calls as if they were real: it runs only under a demo
 * profile, and a node with no AMI host and no replay has no PBX, shown DOWN in health.
 */
class DemoReplayProfileTest {

    @Test
    void aReplayOutsideTheDemoProfilesIsRefused() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> DemoReplay.start(props("", true), production))
                .hasMessageContaining("line102.cti.replay.enabled=true is refused without the demo or dev profile")
                .hasMessageContaining("active profiles: production");
        assertThatThrownBy(() -> DemoReplay.start(props("", true), new MockEnvironment()))
                .hasMessageContaining("active profiles: none");
    }

    @Test
    void underTheDemoProfileTheReplayPlaysWhenNoPbxIsConfigured() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo", "dev");
        try (DemoReplay replay = DemoReplay.start(props("", true), demo)) {
            assertThat(replay.active()).isTrue();
        }
        try (DemoReplay replay = DemoReplay.start(props("pbx.example", true), demo)) {
            assertThat(replay.active()).as("a configured PBX is never replaced").isFalse();
        }
    }

    @Test
    void anEmptyAmiHostWithoutReplayIsADownLinkNotAReplay() {
        CtiProperties props = props("", false);
        DemoReplay replay = DemoReplay.start(props, new MockEnvironment());
        assertThat(replay.active()).isFalse();
        try (AmiConnector connector = new AmiConnector(CtiConfiguration.amiProperties(props, replay),
                e -> { }, new SimpleMeterRegistry(), Clock.systemUTC(), null)) {
            Health health = new AmiLinkHealth(connector, false).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("configured", false);
        }
    }

    private static CtiProperties props(String amiHost, boolean replay) {
        return new CtiProperties(true,
                new AmiProperties(amiHost, 5038, "u", "s", "pbx-test", Set.of("from-pstn"), Duration.ofMillis(200),
                        Duration.ofSeconds(1), Duration.ofSeconds(1), "system,call,agent,dialplan", 1, 8192, 65536,
                        Duration.ofHours(1)),
                new StreamProperties("line102-test:cti:calls", Path.of("target/spool"), 1 << 20, 10, 10,
                        Duration.ofMillis(100), Duration.ofSeconds(1)),
                new CtiProperties.Replay(replay, 0, 1, "replay", "replay", List.of("q102")),
                new AgiProperties("127.0.0.1", 0, "route102", "pbx-test", "q102", 0, Duration.ofMillis(50), 4,
                        Duration.ofSeconds(5), 4096),
                new CtiProperties.Link(false, Duration.ofSeconds(3)));
    }
}
