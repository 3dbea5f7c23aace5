package kz.line102.callcenter.cti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo replay leaves in the spool the recording MixMonitor would have written for each call. */
class DemoRecordingsTest {

    @TempDir
    Path spool;

    @Test
    void anAnsweredCallLeavesAMixMonitorWavOfSpeechUnderTheAnnouncedName() throws Exception {
        try (AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral("replay", "replay"));
             DemoReplay replay = DemoReplay.playing(server, 0, 0)) {
            replay.recordInto(spool);
            ReplayHandle call = replay.playOne("answered");
            String announced = announcedFile(call);
            assertThat(announced).startsWith("/var/spool/asterisk/monitor/102-").endsWith(".wav");
            Path file = spool.resolve(Path.of(announced).getFileName());
            assertThat(file).exists();
            assertThat(Files.list(spool).map(p -> p.getFileName().toString()).toList())
                    .containsExactly(file.getFileName().toString());
            try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
                AudioFormat f = in.getFormat();
                assertThat(f.getSampleRate()).isEqualTo(8000f);
                assertThat(f.getChannels()).isEqualTo(1);
                assertThat(f.getSampleSizeInBits()).isEqualTo(16);
                assertThat(f.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
                assertThat(in.getFrameLength() / 8000.0).isGreaterThan(3.0);
                byte[] pcm = in.readAllBytes();
                assertThat(rms(pcm)).as("speech, not silence").isGreaterThan(300);
            }
        }
    }

    @Test
    void aCallNobodyAnsweredLeavesTheRingBackTheCallerHeard() throws Exception {
        try (AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral("replay", "replay"));
             DemoReplay replay = DemoReplay.playing(server, 0, 0)) {
            replay.recordInto(spool);
            ReplayHandle call = replay.playOne("abandon");
            Path file = spool.resolve(Path.of(announcedFile(call)).getFileName());
            assertThat(file).exists();
            assertThat(Files.size(file)).isGreaterThan(44);
        }
    }

    private static String announcedFile(ReplayHandle call) {
        for (int i = 0; i < call.eventCount(); i++) {
            var e = call.event(i, 0);
            if ("MIXMONITOR_FILENAME".equals(e.get("Variable"))) {
                return e.get("Value");
            }
        }
        throw new AssertionError("no MIXMONITOR_FILENAME in " + call);
    }

    private static double rms(byte[] pcm) {
        double sum = 0;
        int n = pcm.length / 2;
        for (int i = 0; i < n; i++) {
            short s = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, n));
    }
}
