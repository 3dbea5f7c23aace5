package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class AmiPropertiesTest {

    private final AmiProperties ok = AmiProperties.of("127.0.0.1", 5038, "cti", "secret", "pbx1");

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(ok.inboundContexts()).containsExactly("from-pstn");
        assertThat(ok.reconnectMin()).isEqualTo(Duration.ofMillis(200));
        assertThat(ok.reconnectMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ok.eventMask()).isEqualTo("system,call,agent,dialplan");
    }

    @Test
    void badValuesFailAtConstructionNamingTheKey() {
        assertThatThrownBy(() -> AmiProperties.of("127.0.0.1", 0, "cti", "s", "pbx1"))
                .hasMessageContaining("line102.cti.ami.port");
        assertThatThrownBy(() -> AmiProperties.of("127.0.0.1", 5038, " ", "s", "pbx1"))
                .hasMessageContaining("line102.cti.ami.username");
        assertThatThrownBy(() -> ok.withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("reconnect-max");
        assertThatThrownBy(() -> new AmiProperties("h", 1, "u", "s", "p", Set.of(), ok.reconnectMin(),
                ok.reconnectMax(), ok.actionTimeout(), ok.eventMask(), 2, 8192, 65536, ok.callIdleTimeout()))
                .hasMessageContaining("inbound-contexts");
        assertThatThrownBy(() -> ok.withLimits(8192, 100)).hasMessageContaining("max-block-bytes");
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(ok.toString()).doesNotContain("secret").contains("cti@127.0.0.1:5038");
    }

    @Test
    void aBlankHostIsNoPbxConfiguredAndItsLinkNeverStarts() {
        AmiProperties none = AmiProperties.of(" ", 5038, "", "", "pbx1");
        assertThat(none.configured()).isFalse();
        try (AmiConnector connector = new AmiConnector(none, e -> { }, new SimpleMeterRegistry(),
                java.time.Clock.systemUTC(), null)) {
            assertThatThrownBy(connector::start).hasMessageContaining("line102.cti.ami.host");
        }
        assertThat(none.withEndpoint("127.0.0.1", 5039, "replay", "replay").configured()).isTrue();
    }
}
