package kz.line102.recorder.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Fixtures;

class WavProbeTest {

    @TempDir
    Path dir;

    @Test
    void readsTheMixMonitorHeader() throws Exception {
        WavInfo info = WavProbe.probe(Fixtures.mixMonitorWav());

        assertThat(info.sampleRate()).isEqualTo(8000);
        assertThat(info.channels()).isEqualTo(1);
        assertThat(info.bitsPerSample()).isEqualTo(16);
        assertThat(info.frames()).isEqualTo(159840);
        assertThat(info.duration()).isEqualTo(Duration.ofMillis(19980));
    }

    @Test
    void takesTheLengthOfAFileCutShortOfWhatItsHeaderDeclaresFromTheFile() throws Exception {
        byte[] all = Files.readAllBytes(Fixtures.mixMonitorWav());
        Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(all, 44 + 80000));

        WavInfo info = WavProbe.probe(cut);

        assertThat(info.truncated()).isTrue();
        assertThat(info.truncatedReason()).contains("truncated").contains("80000");
        assertThat(info.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(info.closedByWriter()).isFalse();
    }

    @Test
    void aMixMonitorFileCutByAPbxCrashHoldsItsAudioDespiteItsZeroHeader() throws Exception {
        Path torn = Fixtures.tornWav();

        WavInfo info = WavProbe.probe(torn);

        assertThat(Files.size(torn)).isEqualTo(163_884);
        assertThat(info.truncatedReason()).contains("header declares no audio");
        assertThat(info.dataBytes()).isEqualTo(163_840);
        assertThat(info.duration()).isEqualTo(Duration.ofMillis(10_240));
    }

    @Test
    void aHeaderThatIsRightVouchesForAFinishedFile() throws Exception {
        assertThat(WavProbe.probe(Fixtures.mixMonitorWav()).closedByWriter()).isTrue();
    }

    @Test
    void refusesSomethingThatIsNotAWav() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.wav"), "this is not audio at all, just text");

        assertThatThrownBy(() -> WavProbe.probe(junk)).isInstanceOf(CorruptRecordingException.class)
                .satisfies(e -> assertThat(((CorruptRecordingException) e).code()).isEqualTo("recording-corrupt"));
    }

    @Test
    void refusesAFileCutInsideItsHeader() throws Exception {
        byte[] all = Files.readAllBytes(Fixtures.mixMonitorWav());
        Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(all, 30));

        assertThatThrownBy(() -> WavProbe.probe(cut)).isInstanceOf(CorruptRecordingException.class);
    }

    @Test
    void seesAHeaderWithoutAudioAndAnEmptyFileAsEmpty() throws Exception {
        byte[] all = Files.readAllBytes(Fixtures.mixMonitorWav());
        byte[] header = Arrays.copyOf(all, 44);
        header[40] = header[41] = header[42] = header[43] = 0; // data chunk of 0 bytes
        Path headerOnly = Files.write(dir.resolve("header.wav"), header);
        Path zero = Files.write(dir.resolve("zero.wav"), new byte[0]);

        assertThat(WavProbe.probe(headerOnly).isEmpty()).isTrue();
        assertThat(WavProbe.probe(zero).isEmpty()).isTrue();
    }
}
