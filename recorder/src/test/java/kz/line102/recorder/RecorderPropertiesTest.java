package kz.line102.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class RecorderPropertiesTest {

    @Test
    void defaultsAreValidAndMatchTheDocumentedOnes() {
        RecorderProperties p = RecorderProperties.defaults(Path.of("/srv/archive"), Path.of("/var/spool/asterisk/monitor"));

        assertThat(p.transcode().bitrate()).isEqualTo(16000);
        assertThat(p.retention().defaultClass()).isEqualTo("audio");
        assertThat(p.retention().grace()).isGreaterThanOrEqualTo(p.retention().maxClockStep());
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> new RecorderProperties.Transcode(1000, 0, 10, Duration.ofMillis(250)))
                .hasMessageContaining("line102.recorder.transcode.bitrate");
        assertThatThrownBy(() -> new RecorderProperties.Transcode(16000, 44100, 10, Duration.ofMillis(250)))
                .hasMessageContaining("line102.recorder.transcode.sample-rate");
        assertThatThrownBy(() -> new RecorderProperties.Retention("audio", Duration.ofHours(1), Duration.ofDays(1),
                Duration.ofMinutes(5), 500, Duration.ofDays(1)))
                .hasMessageContaining("line102.recorder.retention.grace");
    }

    @Test
    void theAriPasswordNeverAppearsInLogs() {
        RecorderProperties.Ari ari = new RecorderProperties.Ari(URI.create("http://127.0.0.1:8088"), "callcenter",
                "ari102secret", "/var/spool/asterisk/recording", Duration.ofSeconds(5));

        assertThat(ari.toString()).doesNotContain("ari102secret");
    }
}
