package kz.line102.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Fixtures;
import kz.line102.recorder.Harness;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.Recording;

/**
 * Files MixMonitor never closed: the one an Asterisk killed mid-call left (header sizes
 * zero, the audio there), and one still being written. Neither header can be trusted;
 * both are read only when they have stopped changing, and archived whole.
 */
class TornRecordingTest {

    private static final String FILE = "102-20261204-065118-1796367078.0.wav";
    private static final String PBX_PATH = "/var/spool/asterisk/monitor/" + FILE;

    @TempDir
    Path dir;

    private static IngestRequest request() {
        return IngestRequest.of("7b0e6f1c-0000-3000-8000-000000000001", PBX_PATH,
                Instant.parse("2026-12-04T06:51:17.947Z"), "+77019990003", "1001");
    }

    @Test
    void theFileAPbxCrashCutIsArchivedAsTruncatedWithTheAudioItHolds() throws Exception {
        try (Harness h = new Harness(dir)) {
            Files.copy(Fixtures.tornWav(), h.spool.resolve(FILE));

            IngestJob first = h.service.ingest(request());
            assertThat(first.state()).as("a file not closed by the PBX waits to be quiet").isEqualTo(IngestState.PENDING);
            assertThat(first.errorCode()).isEqualTo("recording-not-quiet");

            h.clock.advance(h.props.ingest().quietPeriod());
            h.service.resumeIngest();

            IngestJob job = h.service.ingestJob(first.id()).orElseThrow();
            assertThat(job.state()).isEqualTo(IngestState.DONE);
            Recording r = h.service.find(job.id()).orElseThrow();
            assertThat(r.truncated()).isTrue();
            assertThat(r.truncatedReason()).contains("header declares no audio").contains("163840");
            assertThat(r.duration()).isCloseTo(Duration.ofMillis(10_240), Duration.ofMillis(100));
            assertThat(h.store.exists(r.path())).isTrue();
            assertThat(h.spool.resolve(FILE)).doesNotExist();
            assertThat(h.meters.counter("line102.recorder.ingest.truncated").count()).isEqualTo(1);
        }
    }

    @Test
    void aFileStillGrowingIsNotReadUntilItHasBeenQuietForTheQuietPeriod() throws Exception {
        try (Harness h = new Harness(dir)) {
            byte[] torn = Files.readAllBytes(Fixtures.tornWav());
            Path file = h.spool.resolve(FILE);
            Files.write(file, Arrays.copyOf(torn, 44 + 16_000)); // one second so far, header not written

            IngestJob job = h.service.ingest(request());
            assertThat(job.state()).isEqualTo(IngestState.PENDING);

            // MixMonitor goes on writing: every look finds it changed, so it is never read.
            for (int second = 1; second <= 5; second++) {
                Files.write(file, Arrays.copyOfRange(torn, 44 + 16_000 * second, 44 + 16_000 * (second + 1)),
                        StandardOpenOption.APPEND);
                h.clock.advance(h.props.ingest().quietPeriod());
                h.service.resumeIngest();
                assertThat(h.service.ingestJob(job.id()).orElseThrow().state()).isEqualTo(IngestState.PENDING);
                assertThat(h.service.find(job.id())).isEmpty();
            }

            // The call ends (here: the PBX dies; the header stays zero) and the file stops changing.
            Files.write(file, Arrays.copyOfRange(torn, 44 + 16_000 * 6, torn.length), StandardOpenOption.APPEND);
            h.clock.advance(h.props.ingest().quietPeriod());
            h.service.resumeIngest();
            assertThat(h.service.find(job.id())).as("changed since the last look").isEmpty();
            h.clock.advance(h.props.ingest().quietPeriod());
            h.service.resumeIngest();

            Recording r = h.service.find(job.id()).orElseThrow();
            assertThat(r.duration()).as("all of it, not what was there at the first look")
                    .isCloseTo(Duration.ofMillis(10_240), Duration.ofMillis(100));
        }
    }

    @Test
    void aFileClosedByThePbxIsReadAtOnce() throws Exception {
        try (Harness h = new Harness(dir)) {
            IngestJob job = h.service.ingest(IngestRequest.of("call-1", h.spoolFixture(FILE), Instant.now(), null, null));

            assertThat(job.state()).isEqualTo(IngestState.DONE);
            assertThat(h.service.find(job.id()).orElseThrow().truncated()).isFalse();
        }
    }
}
