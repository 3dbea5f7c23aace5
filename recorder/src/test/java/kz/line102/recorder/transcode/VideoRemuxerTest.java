package kz.line102.recorder.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Videos;
import kz.line102.recorder.storage.Sha256;

/** The stream copy of an interview's video: same packets, same bytes, index in front. */
class VideoRemuxerTest {

    @TempDir
    Path dir;

    @Test
    void copyingTheSameVideoTwiceGivesTheSameBytesSoARerunAfterACrashStoresTheSameFile() throws Exception {
        Path mp4 = Videos.mp4(dir.resolve("camera.mp4"), 2);
        VideoRemuxer remuxer = new VideoRemuxer(Duration.ofMillis(250));
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));

        TranscodeResult first = remuxer.remux(mp4, dir.resolve("a"));
        TranscodeResult second = remuxer.remux(mp4, dir.resolve("b"));

        assertThat(first.file().getFileName().toString()).isEqualTo("archive.mp4");
        assertThat(Sha256.of(first.file())).isEqualTo(Sha256.of(second.file()));
        assertThat(VideoRemuxer.indexFirst(first.file())).isTrue();
        assertThat(VideoRemuxer.indexFirst(mp4)).isFalse();
        assertThat(first.decodedDuration()).isCloseTo(Duration.ofSeconds(2), Duration.ofMillis(250));
    }
}
