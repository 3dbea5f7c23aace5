package kz.line102.recorder.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Harness;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.NoSuchRecordingException;
import kz.line102.recorder.Recording;
import kz.line102.recorder.TestDatabase;
import kz.line102.recorder.ingest.IngestJob;
import kz.line102.recorder.storage.RecordingFileMissingException;

class AccessServiceTest {

    private static final AccessRequest AUDITOR = new AccessRequest("auditor-7", "investigator request",
            "No. 15-2/118 of 2026-11-20");

    @TempDir
    Path dir;

    private static Recording ingestFixture(Harness h) throws Exception {
        IngestJob job = h.service.ingest(IngestRequest.of("call-1", h.spoolFixture("102-a.wav"),
                Instant.parse("2026-11-22T23:36:08Z"), "+77012345678", "1001"));
        return h.service.find(job.id()).orElseThrow();
    }

    @Test
    void servesTheByteRangeAskedForAndLogsWhoAskedAndWhy() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording r = ingestFixture(h);
            byte[] file = Files.readAllBytes(h.store.resolve(r.path()));

            try (RecordingContent content = h.service.open(r.id(), "bytes=100-1099", AUDITOR)) {
                assertThat(content.partial()).isTrue();
                assertThat(content.range().contentRange()).isEqualTo("bytes 100-1099/" + file.length);
                assertThat(content.contentType()).isEqualTo("audio/ogg");
                assertThat(content.stream().readAllBytes()).isEqualTo(Arrays.copyOfRange(file, 100, 1100));
            }
            try (RecordingContent whole = h.service.open(r.id(), null, AUDITOR);
                 InputStream in = whole.stream()) {
                assertThat(whole.partial()).isFalse();
                assertThat(in.readAllBytes()).isEqualTo(file);
            }
            assertThat(count("select count(*) from recording_access_log where recording_id = '" + r.id()
                    + "' and user_id = 'auditor-7' and legal_basis = 'investigator request' and kind = 'stream'"))
                    .isEqualTo(2);
        }
    }

    @Test
    void refusesAMalformedOrUnsatisfiableRangeWithTypedErrors() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording r = ingestFixture(h);

            assertThatThrownBy(() -> h.service.open(r.id(), "bytes=zz", AUDITOR))
                    .isInstanceOf(MalformedRangeException.class);
            assertThatThrownBy(() -> h.service.open(r.id(), "bytes=" + r.sizeBytes() + "-", AUDITOR))
                    .isInstanceOf(RangeNotSatisfiableException.class)
                    .hasFieldOrPropertyWithValue("size", r.sizeBytes());
        }
    }

    @Test
    void theDownloadManifestCarriesTheHashOfTheBytesServed() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording r = ingestFixture(h);

            DownloadManifest m = h.service.manifest(r.id(), AUDITOR);

            assertThat(m.sha256()).isEqualTo(r.sha256()).hasSize(64);
            assertThat(m.sizeBytes()).isEqualTo(Files.size(h.store.resolve(r.path())));
            assertThat(m.fileName()).isEqualTo("102-20261122-233608-call-1.opus");
            assertThat(m.contentType()).isEqualTo("audio/ogg");
            assertThat(count("select count(*) from recording_access_log where kind = 'download'")).isEqualTo(1);
        }
    }

    @Test
    void anUnknownRecordingOrAFileGoneMissingAreDistinctErrors() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording r = ingestFixture(h);
            Files.delete(h.store.resolve(r.path()));

            assertThatThrownBy(() -> h.service.open(UUID.randomUUID(), null, AUDITOR))
                    .isInstanceOf(NoSuchRecordingException.class)
                    .hasFieldOrPropertyWithValue("code", "no-such-recording");
            assertThatThrownBy(() -> h.service.open(r.id(), null, AUDITOR))
                    .isInstanceOf(RecordingFileMissingException.class);
        }
    }

    @Test
    void anAccessWithoutUserOrLegalBasisIsRefused() {
        assertThatThrownBy(() -> new AccessRequest("auditor-7", " ", null))
                .hasFieldOrPropertyWithValue("code", "invalid-request");
        assertThatThrownBy(() -> new AccessRequest(null, "court", null))
                .hasFieldOrPropertyWithValue("code", "invalid-request");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.get().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
