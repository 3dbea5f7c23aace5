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

    @Test
    void aBrowsersWebmWithoutDurationOrCuesIsArchivedWithBothSoItCanBeSeeked() throws Exception {
        Path live = Videos.liveWebm(dir.resolve("browser.webm"), 3);
        assertThat(lengthMicros(live)).as("the browser's file declares no duration").isLessThanOrEqualTo(0);

        TranscodeResult copy = new VideoRemuxer(Duration.ofMillis(250)).remux(live, dir);

        assertThat(copy.codec()).isEqualTo("vp8+opus/webm");
        assertThat(copy.decodedDuration()).isCloseTo(Duration.ofSeconds(3), Duration.ofMillis(250));
        assertThat(lengthMicros(copy.file())).isBetween(2_900_000L, 4_100_000L);
        assertThat(new String(Files.readAllBytes(copy.file()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("a Cues element (id 1C 53 BB 6B)").contains("\u001cS\u00bbk");
    }

    private static long lengthMicros(Path file) throws Exception {
        try (org.bytedeco.javacv.FFmpegFrameGrabber in = new org.bytedeco.javacv.FFmpegFrameGrabber(file.toFile())) {
            in.start();
            long length = in.getFormatContext().duration();
            in.stop();
            return length == org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE ? -1 : length;
        }
    }
}
