package kz.line102.recorder.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Fixtures;
import kz.line102.recorder.RecorderProperties;
import kz.line102.recorder.storage.Sha256;

class TranscoderTest {

    @TempDir
    Path dir;

    private final Transcoder transcoder = new Transcoder(RecorderProperties.Transcode.defaults());

    @Test
    void encodesTheMixMonitorFileToSmallOpusThatPlaysAsLong() throws Exception {
        TranscodeResult r = transcoder.transcode(Fixtures.mixMonitorWav(), dir.resolve("a.opus"));

        assertThat(r.codec()).isEqualTo("opus/ogg");
        assertThat(r.decodedDuration()).isCloseTo(Duration.ofMillis(19980), Duration.ofMillis(100));
        // 16 kbit/s for 20 s is 40 kB; the 320 kB WAV must shrink about eightfold.
        assertThat(r.sizeBytes()).isBetween(10_000L, 48_000L);
        byte[] head = Files.readAllBytes(r.file());
        assertThat(new String(head, 0, 4)).isEqualTo("OggS");
        assertThat(new String(head, 28, 8)).isEqualTo("OpusHead");
    }

    @Test
    void encodesTheSameInputToTheSameBytesSoARerunFindsTheSameArchiveFile() throws Exception {
        TranscodeResult a = transcoder.transcode(Fixtures.mixMonitorWav(), dir.resolve("a.opus"));
        TranscodeResult b = transcoder.transcode(Fixtures.mixMonitorWav(), dir.resolve("b.opus"));

        assertThat(Sha256.of(a.file())).isEqualTo(Sha256.of(b.file()));
    }

    @Test
    void reportsAnUnreadableSourceAsCorrupt() throws Exception {
        Path junk = Files.write(dir.resolve("junk.wav"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

        assertThatThrownBy(() -> transcoder.transcode(junk, dir.resolve("x.opus")))
                .isInstanceOf(CorruptRecordingException.class);
    }
}
