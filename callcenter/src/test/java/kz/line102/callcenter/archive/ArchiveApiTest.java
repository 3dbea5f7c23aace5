package kz.line102.callcenter.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.ingest.IngestJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@CallcenterTest
class ArchiveApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    RecordingService recordings;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String auditor;
    Recording recording;

    @BeforeEach
    void archivedRecording() throws Exception {
        api = new Api(port);
        // Changing a user needs an enabled administrator to remain; a fresh database has none.
        Api.user(users, "archive-admin", Role.ADMIN);
        auditor = Api.user(users, "archive-auditor", Role.AUDITOR);
        String file = "102-" + UUID.randomUUID() + ".wav";
        Path spool = Path.of("target/recordings/spool");
        Files.createDirectories(spool);
        Files.copy(RecordingIngestAfterIntakeTest.FIXTURE, spool.resolve(file));
        IngestJob job = recordings.ingest(IngestRequest.of(UUID.randomUUID().toString(),
                "/var/spool/asterisk/monitor/" + file, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "+77172000001", "op-archive"));
        // The recorder's own periodic pass may claim the job first: then it finishes there.
        UUID id = await().atMost(Duration.ofSeconds(30)).until(() -> recordings.ingestJob(job.id()).orElseThrow()
                .recordingId(), Objects::nonNull);
        recording = recordings.find(id).orElseThrow();
    }

    @Test
    void anAuditorWithARecordedRequestFindsPlaysAndDownloadsARecording() throws Exception {
        String request = recordRequest(auditor);

        Response found = get("/api/v1/archive/recordings?callId=" + recording.callId(), auditor, request, null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("items").get(0).get("id").asString()).isEqualTo(recording.id().toString());
        assertThat(found.body()).doesNotContain(recording.path());

        Response whole = get(audio(), auditor, request, null);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Content-Type")).isEqualTo("audio/ogg");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(recording.sizeBytes()));

        Response part = get(audio(), auditor, request, "bytes=0-99");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 0-99/" + recording.sizeBytes());
        assertThat(part.header("Content-Length")).isEqualTo("100");

        Response download = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/archive/recordings/"
                        + recording.id() + "/download")).header("Authorization", basic(auditor))
                .header(ArchiveController.REQUEST_HEADER, request).build());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("X-Content-SHA256")).isEqualTo(recording.sha256());

        byte[] bytes = fetchBytes("/api/v1/archive/recordings/" + recording.id() + "/download", request);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(recording.sha256());

        Response manifest = get("/api/v1/archive/recordings/" + recording.id() + "/manifest", auditor, request, null);
        assertThat(manifest.json().get("sha256").asString()).isEqualTo(recording.sha256());

        assertThat(jdbc.queryForList("select action from audit_log where request_id = ?::uuid order by id",
                String.class, request)).containsExactly("request", "search", "stream", "stream", "download",
                "download", "manifest");
        // The recorder logs by its own calls: a download is its manifest ('download') plus the
        // whole-file open ('stream'), and /manifest counts as a 'download' there.
        assertThat(jdbc.queryForList("select kind from recording_access_log where reference = ? order by id",
                String.class, request)).containsExactly("stream", "stream", "download", "stream", "download",
                "stream", "download");
    }

    @Test
    void aValidRequestForSeveralRangesIsAnsweredWithTheRangeCoveringThem() {
        String request = recordRequest(auditor);
        Response several = get(audio(), auditor, request, "bytes=0-99,200-299");
        assertThat(several.status()).isEqualTo(206);
        assertThat(several.header("Content-Range")).isEqualTo("bytes 0-299/" + recording.sizeBytes());
        assertThat(several.header("Content-Length")).isEqualTo("300");
    }

    @Test
    void aMalformedRangeIs416WithTheFileSize() {
        Response r = get(audio(), auditor, recordRequest(auditor), "bytes=abc");
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.code()).isEqualTo("malformed-range");
        assertThat(r.header("Content-Range")).isEqualTo("bytes */" + recording.sizeBytes());
    }

    @Test
    void aRangeBeyondTheFileIs416WithTheFileSize() {
        Response r = get(audio(), auditor, recordRequest(auditor), "bytes=" + recording.sizeBytes() + "-");
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.code()).isEqualTo("range-not-satisfiable");
        assertThat(r.header("Content-Range")).isEqualTo("bytes */" + recording.sizeBytes());
    }

    @Test
    void audioIsRefusedWithoutARecordedRequestOfThisAuditor() {
        Response none = get(audio(), auditor, null, null);
        assertThat(none.status()).isEqualTo(428);
        assertThat(none.code()).isEqualTo("archive-request-required");

        String other = Api.user(users, "archive-auditor-2", Role.AUDITOR);
        Response foreign = get(audio(), auditor, recordRequest(other), null);
        assertThat(foreign.status()).isEqualTo(428);
        assertThat(foreign.code()).isEqualTo("archive-request-invalid");

        Response unknown = get(audio(), auditor, UUID.randomUUID().toString(), null);
        assertThat(unknown.code()).isEqualTo("archive-request-invalid");
    }

    @Test
    void anOperatorOrSupervisorAskingForAudioIsRefusedAndTheAttemptAudited() {
        for (Role role : new Role[] {Role.OPERATOR, Role.SUPERVISOR}) {
            String user = Api.user(users, "archive-" + role.name().toLowerCase(java.util.Locale.ROOT), role);
            long before = refusals(user);

            Response r = get(audio(), user, null, null);

            assertThat(r.status()).as(role.name()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("forbidden");
            assertThat(refusals(user)).as(role.name()).isEqualTo(before + 1);
        }
    }

    @Test
    void aRequestWithoutItsDocumentIsRefused() {
        Response r = api.json("POST", "/api/v1/archive/requests", auditor,
                "{\"requestingBody\":\"Police department\",\"reason\":\"case\"}");
        assertThat(r.status()).isEqualTo(400);
    }

    private long refusals(String user) {
        return jdbc.queryForObject("select count(*) from audit_log where username = ? and action = 'refused'"
                + " and recording_id = ?", Long.class, user, recording.id());
    }

    private String audio() {
        return "/api/v1/archive/recordings/" + recording.id() + "/audio";
    }

    private String recordRequest(String user) {
        Response r = api.json("POST", "/api/v1/archive/requests", user, """
                {"requestingBody":"Investigation department, Astana police","documentNumber":"12-345/26",
                 "documentDate":"2026-11-20","reason":"criminal case 261234567"}""");
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private Response get(String path, String user, String request, String range) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization",
                basic(user));
        if (request != null) {
            b.header(ArchiveController.REQUEST_HEADER, request);
        }
        if (range != null) {
            b.header("Range", range);
        }
        return api.send(b.build());
    }

    private byte[] fetchBytes(String path, String request) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                        .header("Authorization", basic(auditor)).header(ArchiveController.REQUEST_HEADER, request)
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAuditorPlacesAndLiftsALegalHoldAndBothAreInTheAuditLog() {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);
        String holds = "/api/v1/archive/recordings/" + recording.id() + "/holds";

        Response refused = api.json("POST", holds, auditor, "{\"reason\":\"court order\"}");
        assertThat(refused.status()).isEqualTo(400);

        Response placed = api.json("POST", holds, auditor,
                "{\"reason\":\"criminal case\",\"reference\":\"ERDR 252026000123\"}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String holdId = placed.json().get("id").asString();
        Response listed = api.get(holds, "archive-admin");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).get("reference").asString()).isEqualTo("ERDR 252026000123");

        Response preview = api.get("/api/v1/archive/retention/preview", "archive-admin");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("dryRun").asBoolean()).isTrue();

        Response lifted = api.json("POST", "/api/v1/archive/holds/" + holdId + "/lift", auditor,
                "{\"reason\":\"case closed\",\"reference\":\"decision 77\"}");
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.json().get("liftedBy").asString()).isEqualTo(auditor);

        Response log = api.get("/api/v1/archive/audit-log?fromId=" + (before + 1), "archive-admin");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json()).extracting(e -> e.get("action").asString()).contains("hold-placed", "hold-lifted");
        Response verification = api.get("/api/v1/archive/audit-log/verification", auditor);
        assertThat(verification.json().get("brokenAt").isNull()).isTrue();
    }
}
