package kz.line102.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.recorder.CallResolver;
import kz.line102.recorder.Fixtures;
import kz.line102.recorder.Harness;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.TestDatabase;
import kz.line102.recorder.catalog.RecordingQuery;

/**
 * The application was killed while three recorded calls were up: their WAVs stay in the
 * spool and no event will ever announce them. After the restart the sweep finds each,
 * matches it to its call through the uniqueid in its name, and archives it.
 */
class OrphanSweepTest {

    private static final Instant CALL_AT = Instant.parse("2026-12-04T06:51:17Z");
    private static final Map<String, CallResolver.Call> CALLS = Map.of(
            "1796367078.0", new CallResolver.Call("0e6c2a0e-0000-3000-8000-000000000001", CALL_AT, "+77019990003", "1001"),
            "1796367079.3", new CallResolver.Call("0e6c2a0e-0000-3000-8000-000000000002", CALL_AT.plusSeconds(1),
                    "+77019990004", "1002"),
            "1796367080.6", new CallResolver.Call("0e6c2a0e-0000-3000-8000-000000000003", CALL_AT.plusSeconds(2),
                    "+77019990005", null));

    @TempDir
    Path dir;

    @Test
    void afterAKillTheRecordingsOfTheCallsThatWereUpAreArchivedLinkedToTheirCalls() throws Exception {
        try (Harness h = new Harness(dir)) {
            h.calls = uniqueId -> Optional.ofNullable(CALLS.get(uniqueId));
            // Left by the dead process: the files MixMonitor closed at hang-up, no event, no job.
            for (String uid : CALLS.keySet()) {
                leftInSpool(h, "102-20261204-065118-" + uid + ".wav", Duration.ofMinutes(10));
            }

            assertThat(h.service.sweepOrphans()).isEqualTo(3);

            for (Map.Entry<String, CallResolver.Call> call : CALLS.entrySet()) {
                Recording r = await().atMost(Duration.ofSeconds(60)).until(() -> h.service.search(
                        RecordingQuery.all(5).callId(call.getValue().callId())).items(), l -> !l.isEmpty()).get(0);
                assertThat(r.orphan()).isFalse();
                assertThat(r.callAt()).isEqualTo(call.getValue().callAt());
                assertThat(r.callerNumber()).isEqualTo(call.getValue().callerNumber());
                assertThat(r.operator()).isEqualTo(call.getValue().operator());
                assertThat(r.duration()).isCloseTo(Duration.ofMillis(19_980), Duration.ofMillis(100));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> isEmpty(h.spool));
            assertThat(h.service.sweepOrphans()).as("a second sweep finds nothing left").isZero();
            assertThat(h.meters.counter("line102.recorder.sweep.claimed", "matched", "true").count()).isEqualTo(3);
        }
    }

    @Test
    void aFileThatMatchesNoCallIsArchivedAsAnOrphanUnderTheIdItsCallWouldHave() throws Exception {
        try (Harness h = new Harness(dir)) {
            h.calls = new CallResolver() {
                @Override
                public Optional<Call> find(String uniqueId) {
                    return Optional.empty();
                }

                @Override
                public String orphanCallId(String fileName, String uniqueId) {
                    return "derived-from-" + uniqueId;
                }
            };
            leftInSpool(h, "102-20261204-065118-1796367099.9.wav", Duration.ofMinutes(10));

            assertThat(h.service.sweepOrphans()).isEqualTo(1);

            Recording r = await().atMost(Duration.ofSeconds(60)).until(() -> h.service.search(
                    RecordingQuery.all(5).orphan(true)).items(), l -> !l.isEmpty()).get(0);
            assertThat(r.callId()).isEqualTo("derived-from-1796367099.9");
            assertThat(r.orphan()).isTrue();
            assertThat(r.callAt()).as("the time in the file's name").isEqualTo(Instant.parse("2026-12-04T06:51:18Z"));
            assertThat(h.service.search(RecordingQuery.all(5).orphan(false)).items()).isEmpty();
            assertThat(h.meters.counter("line102.recorder.sweep.claimed", "matched", "false").count()).isEqualTo(1);
        }
    }

    @Test
    void aFileOfACallStillRecordingOrAlreadyAnnouncedIsLeftToItsOwnJob() throws Exception {
        try (Harness h = new Harness(dir)) {
            h.calls = uniqueId -> Optional.ofNullable(CALLS.get(uniqueId));
            leftInSpool(h, "102-20261204-065118-1796367078.0.wav", Duration.ofSeconds(20)); // changed just now
            String announced = "102-20261204-065118-1796367079.3.wav";
            leftInSpool(h, announced, Duration.ofMinutes(10));
            UUID own = h.service.submit(IngestRequest.of("0e6c2a0e-0000-3000-8000-000000000002",
                    "/var/spool/asterisk/monitor/" + announced, CALL_AT, null, null));

            assertThat(h.service.sweepOrphans()).isZero();

            await().atMost(Duration.ofSeconds(60)).until(() -> h.service.ingestJob(own).orElseThrow().state()
                    == IngestState.DONE);
            assertThat(h.service.search(RecordingQuery.all(5)).items()).extracting(Recording::id).containsExactly(own);
        }
    }

    @Test
    void theCallsOwnEventAfterTheSweepFindsTheSweptJob() throws Exception {
        try (Harness h = new Harness(dir)) {
            h.calls = uniqueId -> Optional.ofNullable(CALLS.get(uniqueId));
            String name = "102-20261204-065118-1796367078.0.wav";
            leftInSpool(h, name, Duration.ofMinutes(10));
            assertThat(h.service.sweepOrphans()).isEqualTo(1);
            UUID swept = await().atMost(Duration.ofSeconds(60)).until(() -> h.service.search(
                    RecordingQuery.all(5)).items(), l -> !l.isEmpty()).get(0).id();

            // The backend was slow: the event arrives after the sweep took the file.
            UUID late = h.service.submit(IngestRequest.of("0e6c2a0e-0000-3000-8000-000000000001",
                    "/var/spool/asterisk/monitor/" + name, CALL_AT, null, null));

            assertThat(late).isEqualTo(swept);
        }
    }

    @Test
    void twoNodesSweepingOneSpoolClaimEachFileOnce() throws Exception {
        try (Harness h = new Harness(dir);
             RecordingService other = new RecordingService(h.props, TestDatabase.get(), h.clock,
                     new SimpleMeterRegistry(), new SpoolDirectorySource(h.spool), h.store,
                     uniqueId -> Optional.empty(), System::nanoTime)) {
            for (int i = 0; i < 12; i++) {
                leftInSpool(h, "102-20261204-0651" + (10 + i) + "-17963671" + (10 + i) + ".0.wav", Duration.ofMinutes(10));
            }

            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(h.service::sweepOrphans);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(other::sweepOrphans);

            assertThat(a.get() + b.get()).isEqualTo(12);
            await().atMost(Duration.ofSeconds(120)).until(() -> h.service.search(RecordingQuery.all(50)).items(),
                    l -> l.size() == 12);
            assertThat(count("select count(*) from recording_ingest_jobs")).isEqualTo(12);
        }
    }

    private static void leftInSpool(Harness h, String name, Duration age) throws Exception {
        Path f = Fixtures.spool(h.spool, name);
        Files.setLastModifiedTime(f, FileTime.from(h.clock.instant().minus(age)));
    }

    private static boolean isEmpty(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static long count(String sql) throws Exception {
        try (var c = TestDatabase.get().getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
