package kz.line102.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Harness;
import kz.line102.recorder.Recording;
import kz.line102.recorder.TestDatabase;
import kz.line102.recorder.UnsupportedMediaException;
import kz.line102.recorder.Upload;
import kz.line102.recorder.Videos;
import kz.line102.recorder.access.AccessRequest;
import kz.line102.recorder.access.RecordingContent;
import kz.line102.recorder.storage.Sha256;
import kz.line102.recorder.transcode.MediaProbe;

/**
 * Interview videos: archived with their picture by stream copy where the upload allows a
 * video (the certification interview), refused where it does not (a call's recording), and
 * refused or quarantined when cut short, with nothing archived.
 */
class VideoUploadIngestTest {

    private static final String CLASS = "certification-interview";
    private static final AccessRequest PERSONNEL = new AccessRequest("personnel-1", "personnel service: interview",
            "certification-case/7");

    @TempDir
    Path dir;

    private static Upload interview(Harness h, String fileName) {
        return new Upload("certification-case/7", fileName, h.clock.instant(), "personnel-1", CLASS, 10_000_000, true);
    }

    private static Recording archived(Harness h, UUID id) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                h.service.ingestJob(id).orElseThrow().state() == IngestState.DONE);
        return h.service.find(id).orElseThrow();
    }

    @Test
    void aBrowsersWebmInterviewIsArchivedAsWebmWithItsPictureAndPlaysByRange() throws Exception {
        Path webm = Videos.webm(dir.resolve("interview.webm"), 3);
        try (Harness h = new Harness(dir)) {
            UUID id = h.service.upload(interview(h, "interview.webm"), Files.newInputStream(webm));

            Recording r = archived(h, id);
            assertThat(r).extracting(Recording::codec, Recording::contentType, Recording::retentionClass)
                    .containsExactly("vp8+opus/webm", "video/webm", CLASS);
            assertThat(r.path()).endsWith(r.sha256() + ".webm");
            assertThat(r.duration()).isCloseTo(Duration.ofSeconds(3), Duration.ofMillis(250));
            Path stored = h.store.resolve(r.path());
            assertThat(Sha256.of(stored)).isEqualTo(r.sha256());
            assertThat(Files.size(stored)).isEqualTo(r.sizeBytes());
            MediaProbe.Media kept = MediaProbe.probe(stored);
            assertThat(kept.videoCodec()).isEqualTo("vp8");
            assertThat(kept.audioCodec()).isEqualTo("opus");
            assertThat(h.service.expiresAt(r))
                    .isEqualTo(r.retainFrom().atOffset(ZoneOffset.UTC).plusYears(3).toInstant());

            byte[] whole = Files.readAllBytes(stored);
            try (RecordingContent part = h.service.open(id, "bytes=100-1099", PERSONNEL)) {
                assertThat(part.partial()).isTrue();
                assertThat(part.contentType()).isEqualTo("video/webm");
                assertThat(part.range().contentRange()).isEqualTo("bytes 100-1099/" + whole.length);
                assertThat(part.stream().readAllBytes()).isEqualTo(Arrays.copyOfRange(whole, 100, 1100));
            }
            assertThat(streamsLogged(id)).isEqualTo(1);
            assertThat(incoming(h)).isZero();
        }
    }

    @Test
    void aCamerasMp4IsArchivedAsMp4WithItsIndexBeforeItsMedia() throws Exception {
        Path mp4 = Videos.mp4(dir.resolve("camera.mp4"), 3);
        assertThat(topLevelBoxes(mp4)).as("the camera's file: index last").containsSubsequence("mdat", "moov");
        try (Harness h = new Harness(dir)) {
            UUID id = h.service.upload(interview(h, "CAMERA.MP4"), Files.newInputStream(mp4));

            Recording r = archived(h, id);
            assertThat(r).extracting(Recording::codec, Recording::contentType, Recording::extension)
                    .containsExactly("h264+aac/mp4", "video/mp4", "mp4");
            assertThat(r.duration()).isCloseTo(Duration.ofSeconds(3), Duration.ofMillis(250));
            Path stored = h.store.resolve(r.path());
            assertThat(topLevelBoxes(stored)).containsSubsequence("moov", "mdat").doesNotContainSubsequence("mdat",
                    "moov");
            assertThat(h.service.manifest(id, PERSONNEL).fileName()).endsWith(".mp4");
            assertThat(h.service.manifest(id, PERSONNEL).contentType()).isEqualTo("video/mp4");
        }
    }

    @Test
    void aVideoOfAnotherKindIsRefusedNamingTheFormatsTakenAndNothingIsKept() throws Exception {
        Path mkv = Videos.mpeg4Matroska(dir.resolve("interview.mkv"), 2);
        try (Harness h = new Harness(dir)) {
            assertThatThrownBy(() -> h.service.upload(interview(h, "interview.mkv"), Files.newInputStream(mkv)))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasFieldOrPropertyWithValue("code", UnsupportedMediaException.VIDEO_FORMAT)
                    .hasMessageContaining("mpeg4").hasMessageContaining(UnsupportedMediaException.ACCEPTED_VIDEO);
            assertThat(incoming(h)).isZero();
            assertThat(h.service.ingestJobs("certification-case/7", 10)).isEmpty();
        }
    }

    @Test
    void aCallRecordingUploadHoldingAVideoIsStillRefusedEvenInAFormatInterviewsMayUse() throws Exception {
        Path webm = Videos.webm(dir.resolve("call.webm"), 2);
        try (Harness h = new Harness(dir)) {
            Upload call = new Upload("call/1", "call.webm", h.clock.instant(), "operator-1",
                    h.props.retention().defaultClass(), 10_000_000);

            assertThatThrownBy(() -> h.service.upload(call, Files.newInputStream(webm)))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasFieldOrPropertyWithValue("code", UnsupportedMediaException.VIDEO);
            assertThat(incoming(h)).isZero();
            assertThat(h.service.ingestJobs("call/1", 10)).isEmpty();
        }
    }

    @Test
    void aCameraFileCutShortIsRefusedAtOnceAndAWebmCutShortIsQuarantinedNeitherArchived() throws Exception {
        Path mp4 = Videos.mp4(dir.resolve("camera.mp4"), 3);
        Path cutMp4 = cut(mp4, dir.resolve("cut.mp4"), 0.5);
        Path webm = Videos.webm(dir.resolve("browser.webm"), 3);
        Path cutWebm = cut(webm, dir.resolve("cut.webm"), 0.6);
        try (Harness h = new Harness(dir)) {
            // The camera writes its index last: without it nothing can be read.
            assertThatThrownBy(() -> h.service.upload(interview(h, "cut.mp4"), Files.newInputStream(cutMp4)))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasFieldOrPropertyWithValue("code", UnsupportedMediaException.UNREADABLE);
            assertThat(h.service.ingestJobs("certification-case/7", 10)).isEmpty();

            // The WebM's header reads, and promises three seconds the file no longer holds.
            UUID id = h.service.upload(interview(h, "cut.webm"), Files.newInputStream(cutWebm));
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    h.service.ingestJob(id).orElseThrow().state() == IngestState.QUARANTINED);
            IngestJob job = h.service.ingestJob(id).orElseThrow();
            assertThat(job.errorCode()).isEqualTo("recording-corrupt");
            assertThat(job.errorDetail()).contains("cut short");
            assertThat(h.service.find(id)).isEmpty();
            try (Stream<Path> files = Files.walk(h.archive)) {
                assertThat(files.filter(p -> p.toString().endsWith(".webm") && !p.startsWith(h.archive.resolve(
                        "quarantine")) && !p.startsWith(h.archive.resolve("incoming")))).isEmpty();
            }
        }
    }

    private static long incoming(Harness h) throws IOException {
        Path in = h.archive.resolve("incoming");
        if (!Files.isDirectory(in)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(in)) {
            return files.count();
        }
    }

    private static long streamsLogged(UUID id) throws java.sql.SQLException {
        try (java.sql.Connection c = TestDatabase.get().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("select count(*) from recording_access_log"
                     + " where kind = 'stream' and user_id = 'personnel-1' and recording_id = ?")) {
            ps.setObject(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Path cut(Path source, Path target, double keep) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Files.write(target, Arrays.copyOf(all, (int) (all.length * keep)));
        return target;
    }

    /** The MP4's top-level box types in file order. */
    static java.util.List<String> topLevelBoxes(Path mp4) throws IOException {
        java.util.List<String> types = new java.util.ArrayList<>();
        try (FileChannel ch = FileChannel.open(mp4, StandardOpenOption.READ)) {
            long pos = 0;
            ByteBuffer head = ByteBuffer.allocate(16);
            while (pos + 8 <= ch.size()) {
                head.clear();
                ch.read(head, pos);
                long size = Integer.toUnsignedLong(head.getInt(0));
                types.add(new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1));
                size = size == 1 ? head.getLong(8) : size;
                if (size < 8) {
                    break;
                }
                pos += size;
            }
        }
        return types;
    }
}
