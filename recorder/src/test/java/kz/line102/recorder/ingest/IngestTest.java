package kz.line102.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Harness;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecorderProperties;
import kz.line102.recorder.TestDatabase;
import kz.line102.recorder.storage.ArchiveStore;
import kz.line102.recorder.storage.Sha256;

class IngestTest {

    private static final Instant CALL_AT = Instant.parse("2026-11-22T23:36:08Z");
    private static final String FILE = "102-20261122-233608-1795390568.0.wav";

    @TempDir
    Path dir;

    private static IngestRequest request(String sourceName) {
        return IngestRequest.of("c0ffee00-0000-4000-8000-000000000001", sourceName, CALL_AT, "+77012345678", "1001");
    }

    @Test
    void archivesTheRecordingUnderItsHashInADatedFolderIndexesItAndOnlyThenDeletesTheSource() throws Exception {
        try (Harness h = new Harness(dir)) {
            String name = h.spoolFixture(FILE);

            IngestJob job = h.service.ingest(request(name));

            assertThat(job.state()).isEqualTo(IngestState.DONE);
            Recording r = h.service.find(job.id()).orElseThrow();
            assertThat(r.path()).isEqualTo("2026/11/22/23/" + r.sha256() + ".opus");
            assertThat(Sha256.of(h.archive.resolve(r.path()))).isEqualTo(r.sha256());
            assertThat(r.duration()).isCloseTo(Duration.ofMillis(19980), Duration.ofMillis(100));
            assertThat(r).extracting(Recording::callId, Recording::callAt, Recording::callerNumber,
                            Recording::operator, Recording::retentionClass, Recording::sourceName)
                    .containsExactly("c0ffee00-0000-4000-8000-000000000001", CALL_AT, "+77012345678", "1001",
                            "audio", name);
            assertThat(h.spool.resolve(FILE)).doesNotExist();
            assertThat(h.meters.counter("line102.recorder.ingest.jobs", "outcome", "done").count()).isEqualTo(1);
        }
    }

    @Test
    void aCallTimeFromAPbxClockResetTo1970DoesNotMakeTheRecordingExpireEarly() throws Exception {
        try (Harness h = new Harness(dir)) {
            Instant reset = Instant.parse("1970-01-01T00:00:42Z");
            IngestJob job = h.service.ingest(IngestRequest.of("call-70", h.spoolFixture(FILE), reset, null, null));

            Recording r = h.service.find(job.id()).orElseThrow();
            assertThat(r.callAt()).isEqualTo(reset);
            assertThat(r.retainFrom()).isEqualTo(h.clock.instant());
            assertThat(h.service.purge().items()).isEmpty();
            assertThat(h.service.find(job.id())).isPresent();
        }
    }

    @Test
    void ingestsAFileReportedTwiceOnce() throws Exception {
        try (Harness h = new Harness(dir)) {
            String name = h.spoolFixture(FILE);

            IngestJob first = h.service.ingest(request(name));
            IngestJob second = h.service.ingest(request(name));

            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.state()).isEqualTo(IngestState.DONE);
        }
    }

    @Test
    void submittedRecordingIsIngestedInTheBackground() throws Exception {
        try (Harness h = new Harness(dir)) {
            UUID id = h.service.submit(request(h.spoolFixture(FILE)));

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    h.service.ingestJob(id).orElseThrow().state() == IngestState.DONE);
            assertThat(h.service.find(id)).isPresent();
        }
    }

    @Test
    void archivesWhatAWavCutShortOfItsHeaderHoldsMarkedTruncatedOnceItIsQuiet() throws Exception {
        try (Harness h = new Harness(dir)) {
            byte[] all = Files.readAllBytes(h.spool.resolve(Path.of(h.spoolFixture(FILE)).getFileName()));
            Files.write(h.spool.resolve(FILE), Arrays.copyOf(all, 44 + 8000 * 2 * 6));

            IngestJob job = h.service.ingest(request("/var/spool/asterisk/monitor/" + FILE));
            assertThat(job.state()).isEqualTo(IngestState.PENDING);
            assertThat(job.errorCode()).isEqualTo("recording-not-quiet");

            h.clock.advance(h.props.ingest().quietPeriod());
            h.service.resumeIngest();

            assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.DONE);
            Recording r = h.service.find(job.id()).orElseThrow();
            assertThat(r.truncated()).isTrue();
            assertThat(r.truncatedReason()).contains("truncated");
            assertThat(r.duration()).isCloseTo(Duration.ofSeconds(6), Duration.ofMillis(100));
            assertThat(h.spool.resolve(FILE)).doesNotExist();
        }
    }

    @Test
    void quarantinesAFileThatIsNotAudioAndKeepsTheSource() throws Exception {
        try (Harness h = new Harness(dir)) {
            Files.writeString(h.spool.resolve(FILE), "garbage written by a broken PBX");

            h.service.ingest(request(FILE)); // perhaps a file just opened: looked at again when quiet
            h.clock.advance(h.props.ingest().quietPeriod());
            h.service.resumeIngest();
            IngestJob job = h.service.ingest(request(FILE));

            assertThat(job.state()).isEqualTo(IngestState.QUARANTINED);
            assertThat(h.spool.resolve(FILE)).exists();
        }
    }

    @Test
    void aZeroLengthCallArchivesNothingAndKeepsTheSource() throws Exception {
        try (Harness h = new Harness(dir)) {
            byte[] header = Arrays.copyOf(Files.readAllBytes(kz.line102.recorder.Fixtures.mixMonitorWav()), 44);
            header[40] = header[41] = header[42] = header[43] = 0;
            Files.write(h.spool.resolve(FILE), header);

            h.service.ingest(request(FILE));
            h.clock.advance(h.props.ingest().quietPeriod());
            h.service.resumeIngest();
            IngestJob job = h.service.ingest(request(FILE));

            assertThat(job.state()).isEqualTo(IngestState.EMPTY);
            assertThat(job.errorCode()).isEqualTo("recording-empty");
            assertThat(h.spool.resolve(FILE)).exists();
            assertThat(h.service.find(job.id())).isEmpty();
        }
    }

    @Test
    void aMissingFileIsRetriedRaisesTheAlertAndIsReportedMissingOnlyPastTheHorizon() throws Exception {
        try (Harness h = new Harness(dir)) {
            IngestJob job = h.service.ingest(request("/var/spool/asterisk/monitor/never-written.wav"));
            assertThat(job.state()).isEqualTo(IngestState.PENDING);
            assertThat(job.errorCode()).isEqualTo("recording-source-missing");
            assertThat(h.service.resumeIngest()).as("not due before its retry time").isZero();

            // Far past the old 10 attempts (about half an hour): an unmounted spool, still retried.
            for (int hour = 0; hour < 24; hour++) {
                h.clock.advance(Duration.ofHours(1));
                h.service.resumeIngest();
            }
            assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.PENDING);
            assertThat(h.meters.get("line102.recorder.ingest.missing").gauge().value()).isEqualTo(1);
            assertThat(h.meters.counter("line102.recorder.ingest.missing.alerts").count()).isEqualTo(1);

            h.clock.advance(h.props.ingest().missingHorizon());
            h.service.resumeIngest();

            assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.MISSING);
            assertThat(h.meters.get("line102.recorder.ingest.missing").gauge().value()).isZero();
        }
    }

    @Test
    void aSpoolThatComesBackWithinTheHorizonIsIngested() throws Exception {
        try (Harness h = new Harness(dir)) {
            IngestJob job = h.service.ingest(request(FILE));
            h.clock.advance(Duration.ofDays(2));
            h.service.resumeIngest();
            assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.PENDING);

            h.spoolFixture(FILE); // the mount is back
            h.clock.advance(Duration.ofHours(1));
            h.service.resumeIngest();

            assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.DONE);
        }
    }

    @Test
    void aFileThatAppearsLateIsIngestedOnRetry() throws Exception {
        try (Harness h = new Harness(dir)) {
            IngestJob job = h.service.ingest(request(FILE));
            assertThat(job.state()).isEqualTo(IngestState.PENDING);

            h.spoolFixture(FILE);
            h.clock.advance(Duration.ofMinutes(1));
            h.service.resumeIngest();

            assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.DONE);
        }
    }

    @Test
    void aFullArchiveMakesIngestWaitDeletingNothingAndItFinishesWhenSpaceReturns() throws Exception {
        AtomicBoolean full = new AtomicBoolean(true);
        RecorderProperties.Storage storage = new RecorderProperties.Storage(dir.resolve("archive"), 1024, false);
        ArchiveStore store = new ArchiveStore(storage) {
            @Override
            protected long usableSpace(Path d) throws IOException {
                return full.get() ? 1000 : super.usableSpace(d);
            }
        };
        try (Harness h = new Harness(dir, p -> p.withStorage(storage), null, store)) {
            h.spoolFixture(FILE);

            IngestJob job = h.service.ingest(request(FILE));
            h.clock.advance(Duration.ofHours(1));
            h.service.resumeIngest();

            IngestJob waiting = h.service.ingestJob(job.id()).orElseThrow();
            assertThat(waiting.state()).isEqualTo(IngestState.PENDING);
            assertThat(waiting.errorCode()).isEqualTo("archive-full");
            assertThat(waiting.attempts()).isEqualTo(2);
            assertThat(h.spool.resolve(FILE)).exists();
            assertThat(h.service.find(job.id())).isEmpty();

            full.set(false);
            h.clock.advance(Duration.ofHours(1));
            h.service.resumeIngest();

            assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.DONE);
            assertThat(h.spool.resolve(FILE)).doesNotExist();
        }
    }

    @Test
    void aCrashAfterArchivingLeavesTheSourceAndTheResumeDeletesIt() throws Exception {
        AtomicBoolean crash = new AtomicBoolean(true);
        Path spool = dir.resolve("spool");
        SpoolDirectorySource real = new SpoolDirectorySource(spool);
        RecordingSource crashing = new RecordingSource() {
            @Override
            public Path fetch(String sourceName, Path scratchDir) throws IOException {
                return real.fetch(sourceName, scratchDir);
            }

            @Override
            public void delete(String sourceName) throws IOException {
                if (crash.get()) {
                    throw new IOException("process killed before the source was deleted");
                }
                real.delete(sourceName);
            }
        };
        try (Harness h = new Harness(dir, p -> p, crashing, null)) {
            h.spoolFixture(FILE);

            IngestJob job = h.service.ingest(request(FILE));

            assertThat(job.state()).isEqualTo(IngestState.ARCHIVED);
            assertThat(h.service.find(job.id())).isPresent();
            assertThat(spool.resolve(FILE)).exists();

            crash.set(false);
            h.clock.advance(Duration.ofHours(1));
            h.service.resumeIngest();

            assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.DONE);
            assertThat(spool.resolve(FILE)).doesNotExist();
        }
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverWhenItsLeaseEnds() throws Exception {
        try (Harness h = new Harness(dir)) {
            h.spoolFixture(FILE);
            JdbcIngestJobRepository jobs = new JdbcIngestJobRepository(TestDatabase.get());
            IngestJob job = jobs.insertOrGet(request(FILE), "audio", h.clock.instant());
            assertThat(jobs.claim(job.id(), h.clock.instant(), Duration.ofMinutes(30))).isPresent();

            assertThat(h.service.resumeIngest()).as("leased by the dead worker").isZero();
            h.clock.advance(Duration.ofMinutes(31));
            assertThat(h.service.resumeIngest()).isEqualTo(1);

            assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.DONE);
            assertThat(h.spool.resolve(FILE)).doesNotExist();
        }
    }
}
