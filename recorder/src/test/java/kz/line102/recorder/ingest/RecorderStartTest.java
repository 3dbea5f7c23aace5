package kz.line102.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Harness;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.TestDatabase;

class RecorderStartTest {

    @TempDir
    Path dir;

    @Test
    void startingTheRecorderFinishesJobsAnEarlierProcessLeftUnfinished() throws Exception {
        try (Harness h = new Harness(dir)) {
            String name = h.spoolFixture("102-left-over.wav");
            // What a process that died right after recording the job leaves behind.
            IngestJob job = new JdbcIngestJobRepository(TestDatabase.get()).insertOrGet(
                    IngestRequest.of("call-9", name, Instant.parse("2026-11-22T23:36:08Z"), null, null), "audio",
                    h.clock.instant());

            h.service.start();
            h.service.start(); // idempotent

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    h.service.ingestJob(job.id()).orElseThrow().state() == IngestState.DONE);
            assertThat(h.spool.resolve("102-left-over.wav")).doesNotExist();
        }
    }
}
