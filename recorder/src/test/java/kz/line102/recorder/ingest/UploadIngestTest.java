package kz.line102.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.recorder.Fixtures;
import kz.line102.recorder.Harness;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecorderProperties;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.TestDatabase;
import kz.line102.recorder.UnsupportedMediaException;
import kz.line102.recorder.Upload;
import kz.line102.recorder.UploadTooLargeException;
import kz.line102.recorder.retention.PurgeCandidate;
import kz.line102.recorder.storage.ArchiveStore;

/** Recordings a person uploads (certification interviews): the PBX's ingest, from another door. */
class UploadIngestTest {

    private static final String CLASS = "certification-interview";

    @TempDir
    Path dir;

    private static Upload upload(Harness h, String fileName) {
        return new Upload("certification-case/7", fileName, h.clock.instant(), "personnel-1", CLASS, 10_000_000);
    }

    private static InputStream wav() throws IOException {
        return Files.newInputStream(Fixtures.mixMonitorWav());
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

    @Test
    void aWavUploadIsArchivedUnderTheInterviewClassForThreeYearsAndLeavesNothingIncoming() throws Exception {
        try (Harness h = new Harness(dir)) {
            UUID id = h.service.upload(upload(h, "interview.WAV"), wav());

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    h.service.ingestJob(id).orElseThrow().state() == IngestState.DONE);
            Recording r = h.service.find(id).orElseThrow();
            assertThat(r).extracting(Recording::callId, Recording::retentionClass, Recording::operator,
                    Recording::codec).containsExactly("certification-case/7", CLASS, "personnel-1", "opus/ogg");
            assertThat(r.duration()).isCloseTo(Duration.ofMillis(19980), Duration.ofMillis(100));
            assertThat(r.sourceName()).startsWith(UploadSource.PREFIX).endsWith(".wav");
            assertThat(h.service.expiresAt(r))
                    .isEqualTo(r.retainFrom().atOffset(ZoneOffset.UTC).plusYears(3).toInstant());
            assertThat(h.service.ingestJobs("certification-case/7", 10)).extracting(IngestJob::id).containsExactly(id);
            assertThat(incoming(h)).isZero();
        }
    }

    @Test
    void anMp3UploadIsDecodedByFfmpegAndArchivedAsLongAsItPlays() throws Exception {
        Path mp3 = dir.resolve("interview.mp3");
        reencode(Fixtures.mixMonitorWav(), mp3, "mp3", "libmp3lame", false);
        try (Harness h = new Harness(dir)) {
            UUID id = h.service.upload(upload(h, "interview.mp3"), Files.newInputStream(mp3));

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    h.service.ingestJob(id).orElseThrow().state() == IngestState.DONE);
            assertThat(h.service.find(id).orElseThrow().duration()).isCloseTo(Duration.ofMillis(19980),
                    Duration.ofMillis(200));
        }
    }

    @Test
    void anUploadOverItsLimitIsRefusedAndLeavesNoFileAndNoJob() throws Exception {
        try (Harness h = new Harness(dir)) {
            Upload small = new Upload("certification-case/7", "interview.wav", h.clock.instant(), "personnel-1", CLASS,
                    1000);

            assertThatThrownBy(() -> h.service.upload(small, wav())).isInstanceOf(UploadTooLargeException.class)
                    .hasFieldOrPropertyWithValue("code", "upload-too-large");
            assertThat(incoming(h)).isZero();
            assertThat(h.service.ingestJobs("certification-case/7", 10)).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotAudioAndAVideoAreRefusedBeforeAnyJob() throws Exception {
        Path video = dir.resolve("interview.mkv");
        reencode(Fixtures.mixMonitorWav(), video, "matroska", "aac", true);
        try (Harness h = new Harness(dir)) {
            assertThatThrownBy(() -> h.service.upload(upload(h, "notes.wav"),
                    new ByteArrayInputStream("not audio at all".repeat(100).getBytes())))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasFieldOrPropertyWithValue("code", UnsupportedMediaException.UNREADABLE);
            assertThatThrownBy(() -> h.service.upload(upload(h, "interview.mkv"), Files.newInputStream(video)))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasFieldOrPropertyWithValue("code", UnsupportedMediaException.VIDEO);
            assertThat(incoming(h)).isZero();
            assertThat(h.service.ingestJobs("certification-case/7", 10)).isEmpty();
        }
    }

    @Test
    void aNodeThatDiesBetweenTheUploadAndTheArchiveLeavesTheJobForAnotherToFinish() throws Exception {
        CountDownLatch died = new CountDownLatch(1);
        try (Harness h = new Harness(dir)) {
            // Node A: its clock ten minutes behind, so the lease it takes has run out by node B's clock.
            kz.line102.recorder.MutableClock behind = new kz.line102.recorder.MutableClock(
                    h.clock.instant().minus(Duration.ofMinutes(10)));
            ArchiveStore dying = new ArchiveStore(h.props.storage()) {
                @Override
                public String store(Path staged, String sha256, Instant callAt) {
                    died.countDown();
                    throw new NodeDied(); // the process ends here: nothing below runs, nothing is released
                }
            };
            RecordingService nodeA = new RecordingService(h.props, TestDatabase.get(), behind,
                    new SimpleMeterRegistry(), new SpoolDirectorySource(h.spool), dying);
            UUID id;
            try {
                id = nodeA.upload(new Upload("certification-case/7", "interview.wav", behind.instant(), "personnel-1",
                        CLASS, 10_000_000), wav());
                assertThat(died.await(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                nodeA.close();
            }
            assertThat(h.service.ingestJob(id).orElseThrow().state()).isEqualTo(IngestState.PENDING);
            assertThat(incoming(h)).as("the upload is kept until archived").isEqualTo(1);

            assertThat(h.service.resumeIngest()).isEqualTo(1);

            assertThat(h.service.ingestJob(id).orElseThrow().state()).isEqualTo(IngestState.DONE);
            assertThat(h.service.find(id).orElseThrow().retentionClass()).isEqualTo(CLASS);
            assertThat(incoming(h)).isZero();
        }
    }

    @Test
    void anInterviewRecordingIsPurgedThreeYearsAfterItWasMadeAndNotBefore() throws Exception {
        try (Harness h = new Harness(dir, p -> p.withRetention(trusting()), null, null)) {
            UUID id = h.service.upload(upload(h, "interview.wav"), wav());
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    h.service.ingestJob(id).orElseThrow().state() == IngestState.DONE);
            Recording r = h.service.find(id).orElseThrow();
            Instant expiry = h.service.expiresAt(r);
            Duration grace = h.props.retention().grace();

            // Both clocks run on (the application's and the monotonic one the purge trusts), one run every
            // step the purge allows (two days) for three years, then one a day from a day before the third
            // anniversary, an hour past it so no run falls on the edge. Every run before keeps it.
            h.service.purge();
            Duration step = h.props.retention().maxClockStep();
            Instant firstDaily = expiry.minus(Duration.ofDays(1)).plus(Duration.ofHours(1));
            int runs = 0;
            while (true) {
                Duration next = Duration.between(h.clock.instant(), firstDaily);
                Duration by = next.compareTo(step) < 0 ? next : step;
                h.clock.advance(by);
                h.nanos.addAndGet(by.toNanos());
                assertThat(h.service.purge().items()).as("run at %s", h.clock.instant()).isEmpty();
                runs++;
                if (by.equals(next)) {
                    break;
                }
            }
            assertThat(runs).isGreaterThan(500);
            assertThat(h.service.find(id)).isPresent();
            for (int day = 0; day <= grace.toDays() + 1; day++) {
                h.clock.advance(Duration.ofDays(1));
                h.nanos.addAndGet(Duration.ofDays(1).toNanos());
                var report = h.service.purge();
                boolean due = report.cutoff().isAfter(expiry);
                // Deleted by the first run whose cutoff (its time less the grace) passed the expiry, once.
                assertThat(report.items().stream().map(PurgeCandidate::recordingId).toList().contains(id))
                        .as("run %d days after the third anniversary", day).isEqualTo(day == grace.toDays());
                assertThat(h.service.find(id).isPresent()).as("day %d", day).isEqualTo(!due);
                assertThat(h.store.exists(r.path())).as("day %d", day).isEqualTo(!due);
                assertThat(due).as("day %d", day).isEqualTo(day >= grace.toDays());
            }
        }
    }

    /** What a killed JVM amounts to for the job: the work stops where it is and nothing is released. */
    private static final class NodeDied extends Error {
    }

    private static RecorderProperties.Retention trusting() {
        // The database's clock stays where it is while the test moves the application's by years.
        return new RecorderProperties.Retention("audio", Duration.ofDays(3), Duration.ofDays(2),
                Duration.ofDays(100_000), 500, Duration.ZERO);
    }

    /** Re-encodes the fixture's audio into another container (and, for a video, adds a grey picture). */
    private static void reencode(Path wav, Path target, String format, String audioCodec, boolean withVideo)
            throws Exception {
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(wav.toFile())) {
            in.start();
            try (FFmpegFrameRecorder out = new FFmpegFrameRecorder(target.toFile(), withVideo ? 64 : 0,
                    withVideo ? 48 : 0, 1)) {
                out.setFormat(format);
                out.setAudioCodecName(audioCodec);
                out.setSampleRate(in.getSampleRate());
                out.setAudioBitrate(32_000);
                if (withVideo) {
                    out.setVideoCodecName("mpeg4");
                    out.setFrameRate(5);
                }
                out.start();
                if (withVideo) {
                    Frame picture = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
                    for (int i = 0; i < 5; i++) {
                        out.record(picture);
                    }
                }
                Frame f;
                while ((f = in.grabSamples()) != null) {
                    out.record(f);
                }
                out.stop();
            }
        }
    }
}
