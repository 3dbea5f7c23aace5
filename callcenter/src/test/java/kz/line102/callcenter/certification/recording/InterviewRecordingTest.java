package kz.line102.callcenter.certification.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.archive.ArchiveAuditLog;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.recorder.RecorderProperties;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.ingest.SpoolDirectorySource;
import kz.line102.recorder.storage.ArchiveStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interview recordings end to end: uploaded to a case by the personnel service, archived by
 * the recorder under the 3-year class, listed on the case, played with Range and downloaded
 * by the personnel service only, every use and every refusal in the hash-chained audit log;
 * a file too large or not audio refused with its problem; a node that dies after taking the
 * upload leaves the job for another. Videos are {@code InterviewVideoRecordingTest}'s; a
 * node dying in the middle of the ingest and the purge after three years are the recorder's
 * own tests ({@code UploadIngestTest}), with the files and clocks they make.
 */
@CallcenterTest
class InterviewRecordingTest {

    static final String BASE = "/api/v1/certification";
    static final Path FIXTURE = Path.of("/work/shared/fixtures/asterisk/22.10.1/recording-answered-mixmonitor.wav");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    ArchiveAuditLog auditLog;
    @Autowired
    JsonMapper json;
    @Autowired
    InterviewRecordingProperties props;
    @Autowired
    RecordingService recordings;
    @Value("${line102.recorder.storage.archive-root}")
    Path archiveRoot;

    Api api;
    String personnel;
    InterviewCases cases;

    @BeforeEach
    void users() {
        api = new Api(port);
        personnel = Api.user(users, "interview-personnel", Role.PERSONNEL);
        cases = new InterviewCases(context, api, personnel);
    }

    private long openCase() {
        return cases.open("Сериков Серик");
    }

    private Response upload(long caseId, String user, String name, byte[] body) {
        return api.send("POST", BASE + "/cases/" + caseId + "/recordings?name=" + name, user, "audio/wav",
                BodyPublishers.ofByteArray(body));
    }

    private JsonNode awaitArchived(long caseId, UUID id) {
        return cases.awaitArchived(caseId, id);
    }

    private long audited(String user, String action, UUID recording) {
        return InterviewCases.audited(jdbc, user, action, recording);
    }

    @Test
    void theRecordingIsArchivedForThreeYearsAndOnlyThePersonnelServicePlaysItEveryUseAudited() throws Exception {
        long caseId = openCase();
        Instant recordedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        Response up = api.send("POST", BASE + "/cases/" + caseId + "/recordings?name=interview.wav&recordedAt="
                + recordedAt, personnel, "audio/wav", BodyPublishers.ofFile(FIXTURE));

        assertThat(up.status()).as(up.body()).isEqualTo(201);
        UUID id = UUID.fromString(up.json().get("id").asString());
        JsonNode r = awaitArchived(caseId, id);
        assertThat(r.get("retentionClass").asString()).isEqualTo("certification-interview");
        assertThat(r.get("uploadedBy").asString()).isEqualTo("interview-personnel");
        assertThat(Instant.parse(r.get("recordedAt").asString())).isEqualTo(recordedAt);
        assertThat(Instant.parse(r.get("expiresAt").asString()))
                .isEqualTo(recordedAt.atOffset(ZoneOffset.UTC).plusYears(3).toInstant());
        assertThat(r.get("durationMs").asLong()).isBetween(19_800L, 20_100L);
        long size = r.get("sizeBytes").asLong();
        assertThat(audited("interview-personnel", "interview-upload", id)).isEqualTo(1);

        HttpRequest ranged = HttpRequest.newBuilder(URI.create(api.base() + BASE + "/recordings/" + id + "/audio"))
                .header("Authorization", basic(personnel)).header("Range", "bytes=0-99").GET().build();
        Response part = api.send(ranged);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 0-99/" + size);
        assertThat(part.header("Content-Type")).isEqualTo("audio/ogg");
        Response whole = api.get(BASE + "/recordings/" + id + "/download", personnel);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("X-Content-SHA256")).isEqualTo(r.get("sha256").asString());
        assertThat(audited("interview-personnel", "interview-stream", id)).isEqualTo(1);
        assertThat(audited("interview-personnel", "interview-download", id)).isEqualTo(1);
        // The recorder's own trail, with the case as the legal basis (a download also opens the file).
        assertThat(jdbc.queryForList("select distinct kind from recording_access_log where recording_id = ?::uuid"
                + " and user_id = 'interview-personnel' and legal_basis like 'personnel service:%'", String.class,
                id.toString())).containsExactlyInAnyOrder("stream", "download");

        for (Role role : new Role[] {Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN}) {
            String other = Api.user(users, "interview-" + role.name().toLowerCase(java.util.Locale.ROOT), role);
            long before = audited(other, "refused", null);
            assertThat(api.get(BASE + "/recordings/" + id + "/audio", other).status()).as(role.name()).isEqualTo(403);
            assertThat(api.get(BASE + "/recordings/" + id + "/download", other).status()).as(role.name())
                    .isEqualTo(403);
            assertThat(api.get(BASE + "/cases/" + caseId + "/recordings", other).status()).as(role.name())
                    .isEqualTo(403);
            assertThat(upload(caseId, other, "x.wav", Files.readAllBytes(FIXTURE)).status()).as(role.name())
                    .isEqualTo(403);
            assertThat(audited(other, "refused", null)).as(role.name()).isEqualTo(before + 4);
            assertThat(audited(other, "refused", id)).as(role.name()).isGreaterThanOrEqualTo(2);
        }
    }

    /** The call archive is the auditors': an interview is the personnel service's alone, not found there. */
    @Test
    void anAuditorNeitherFindsNorPlaysAnInterviewInTheCallArchive() throws Exception {
        long caseId = openCase();
        Response up = upload(caseId, personnel, "interview.wav", Files.readAllBytes(FIXTURE));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        UUID id = UUID.fromString(up.json().get("id").asString());
        awaitArchived(caseId, id);

        String auditor = Api.user(users, "interview-archive-auditor", Role.AUDITOR);
        Response request = api.json("POST", "/api/v1/archive/requests", auditor, """
                {"requestingBody":"Investigation department","documentNumber":"12-345/26",
                 "documentDate":"2026-11-20","reason":"criminal case 261234567"}""");
        assertThat(request.status()).isEqualTo(201);
        String requestId = request.json().get("id").asString();
        String owner = InterviewRecordingService.owner(caseId);
        for (String path : new String[] {"/api/v1/archive/recordings?callId=" + owner + "&size=50",
            "/api/v1/archive/recordings?size=500"}) {
            Response found = api.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", basic(auditor))
                    .header("X-Archive-Request", requestId).GET().build());
            assertThat(found.status()).as(path).isEqualTo(200);
            assertThat(found.body()).as(path).doesNotContain(id.toString());
        }
        for (String what : new String[] {"audio", "manifest", "download"}) {
            Response played = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/archive/recordings/" + id
                            + "/" + what)).header("Authorization", basic(auditor))
                    .header("X-Archive-Request", requestId).GET().build());
            assertThat(played.status()).as(what).isEqualTo(404);
        }
        assertThat(audited(auditor, "refused", id)).isEqualTo(3);
        assertThat(audited(auditor, "stream", id)).isZero();
    }

    @Test
    void aCallRecordingIsNoInterviewRecordingAndAnUnknownCaseTakesNoUpload() {
        Response none = api.get(BASE + "/recordings/" + UUID.randomUUID() + "/audio", personnel);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("no-such-interview-recording");
        Response noCase = upload(999_999_999L, personnel, "x.wav", new byte[] {1, 2, 3});
        assertThat(noCase.status()).isEqualTo(404);
        assertThat(noCase.code()).isEqualTo("no-such-case");
    }

    @Test
    void aFileTooLargeOrNotAudioIsRefusedWithItsProblemAndNothingIsKept() {
        long caseId = openCase();
        byte[] tooLarge = new byte[(int) props.maxBytes().toBytes() + 1];

        Response declared = upload(caseId, personnel, "big.wav", tooLarge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("interview-recording-too-large");
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(api.base() + BASE + "/cases/" + caseId
                        + "/recordings?name=big.wav"))
                .header("Authorization", basic(personnel)).header("Content-Type", "audio/wav")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))).build();
        Response streamed = api.send(chunked);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.code()).isEqualTo("interview-recording-too-large");

        Response text = upload(caseId, personnel, "notes.wav", "minutes of the meeting".repeat(50).getBytes());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.code()).isEqualTo("interview-recording-unreadable");

        assertThat(api.get(BASE + "/cases/" + caseId + "/recordings", personnel).json().size()).isZero();
        assertThat(audited("interview-personnel", "interview-upload-refused", null)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aNodeThatDiesAfterTakingTheUploadLeavesTheJobForTheNodesStillUp() throws Exception {
        long caseId = openCase();
        // Node A took the upload and died before its ingest ran: its workers are gone, the job and
        // the file are what it left. The application's node (this context's recorder) finishes it.
        RecorderProperties nodeProps = RecorderProperties.defaults(archiveRoot, archiveRoot.resolve("node-a-spool"));
        RecordingService nodeA = new RecordingService(nodeProps, jdbc.getDataSource(), java.time.Clock.systemUTC(),
                new SimpleMeterRegistry(), new SpoolDirectorySource(archiveRoot.resolve("node-a-spool")),
                new ArchiveStore(nodeProps.storage()));
        nodeA.close();
        InterviewRecordingService onNodeA = new InterviewRecordingService(nodeA, auditLog, jdbc, json, props,
                java.time.Clock.systemUTC());

        UUID id = onNodeA.upload(caseId, "interview.wav", null, Files.newInputStream(FIXTURE), -1,
                "interview-personnel").id();

        JsonNode r = awaitArchived(caseId, id);
        assertThat(r.get("retentionClass").asString()).isEqualTo("certification-interview");
        String source = recordings.find(id).orElseThrow().sourceName();
        assertThat(source).startsWith("upload:").endsWith(".wav");
        assertThat(archiveRoot.resolve("incoming").resolve(source.substring("upload:".length()))).doesNotExist();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes());
    }
}
