package kz.line102.callcenter.certification.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Interview recordings with their picture (the regulation records the interview, sound and
 * video): a browser's WebM and a camera's MP4 archived as videos for three years, played
 * with Range under their own content type, every use audited as for sound; a video of
 * another kind refused with the formats that are taken. A call recording's video stays
 * refused: that is the recorder's test ({@code VideoUploadIngestTest}, with a WebM cut short
 * that is quarantined), the call archive having no upload. A camera's file cut short is
 * refused as unreadable.
 */
@CallcenterTest
class InterviewVideoRecordingTest {

    static final String BASE = "/api/v1/certification";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @TempDir
    Path dir;

    Api api;
    String personnel;
    InterviewCases cases;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void users() {
        api = new Api(port);
        personnel = Api.user(users, "video-personnel", Role.PERSONNEL);
        cases = new InterviewCases(context, api, personnel);
    }

    private long openCase() {
        return cases.open("Ахметов Ахмет");
    }

    private Response upload(long caseId, String name, String contentType, Path file, Instant recordedAt)
            throws Exception {
        return api.send("POST", BASE + "/cases/" + caseId + "/recordings?name=" + name + "&recordedAt=" + recordedAt,
                personnel, contentType, BodyPublishers.ofFile(file));
    }

    private JsonNode awaitArchived(long caseId, UUID id) {
        return cases.awaitArchived(caseId, id);
    }

    private HttpResponse<byte[]> get(UUID id, String what, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + BASE + "/recordings/" + id + "/" + what))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (personnel + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.GET().build(), BodyHandlers.ofByteArray());
    }

    private long audited(String action, UUID recording) {
        return InterviewCases.audited(jdbc, personnel, action, recording);
    }

    @Test
    void aBrowsersWebmInterviewIsKeptAsVideoForThreeYearsAndPlaysByRangeEveryUseAudited() throws Exception {
        long caseId = openCase();
        Instant recordedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Path webm = InterviewVideos.webm(dir.resolve("interview.webm"), 3);

        Response up = upload(caseId, "interview.webm", "video/webm", webm, recordedAt);

        assertThat(up.status()).as(up.body()).isEqualTo(201);
        UUID id = UUID.fromString(up.json().get("id").asString());
        JsonNode r = awaitArchived(caseId, id);
        assertThat(r.get("contentType").asString()).isEqualTo("video/webm");
        assertThat(r.get("sourceFormat").asString()).isEqualTo("webm");
        assertThat(r.get("retentionClass").asString()).isEqualTo("certification-interview");
        assertThat(r.get("durationMs").asLong()).isBetween(2_750L, 3_250L);
        assertThat(Instant.parse(r.get("expiresAt").asString()))
                .isEqualTo(recordedAt.atOffset(ZoneOffset.UTC).plusYears(3).toInstant());
        long size = r.get("sizeBytes").asLong();

        HttpResponse<byte[]> part = get(id, "audio", "bytes=100-1099");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Type")).hasValue("video/webm");
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-1099/" + size);
        HttpResponse<byte[]> whole = get(id, "download", null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/webm");
        assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).contains(".webm");
        assertThat(whole.body()).hasSize((int) size);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 100, 1100));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(whole.body()));
        assertThat(sha).isEqualTo(r.get("sha256").asString())
                .isEqualTo(whole.headers().firstValue("X-Content-SHA256").orElseThrow());

        assertThat(audited("interview-upload", id)).isEqualTo(1);
        assertThat(audited("interview-stream", id)).isEqualTo(1);
        assertThat(audited("interview-download", id)).isEqualTo(1);
        assertThat(jdbc.queryForList("select distinct kind from recording_access_log where recording_id = ?::uuid"
                + " and user_id = ? and legal_basis like 'personnel service:%'", String.class, id.toString(),
                personnel)).containsExactlyInAnyOrder("stream", "download");
        String other = Api.user(users, "video-operator", Role.OPERATOR);
        assertThat(api.get(BASE + "/recordings/" + id + "/audio", other).status()).isEqualTo(403);
    }

    @Test
    void aCamerasMp4IsKeptAsMp4WithItsIndexFirstSoPlaybackStartsAtOnce() throws Exception {
        long caseId = openCase();
        Path mp4 = InterviewVideos.mp4(dir.resolve("camera.mp4"), 3);

        Response up = upload(caseId, "camera.mp4", "video/mp4", mp4, Instant.now().truncatedTo(ChronoUnit.SECONDS));

        assertThat(up.status()).as(up.body()).isEqualTo(201);
        UUID id = UUID.fromString(up.json().get("id").asString());
        JsonNode r = awaitArchived(caseId, id);
        assertThat(r.get("contentType").asString()).isEqualTo("video/mp4");
        // The first half of the file holds the index and where the media begins.
        HttpResponse<byte[]> head = get(id, "audio", "bytes=0-" + r.get("sizeBytes").asLong() / 2);
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("video/mp4");
        String start = new String(head.body(), StandardCharsets.ISO_8859_1);
        assertThat(start).contains("moov");
        assertThat(start.indexOf("moov")).isLessThan(start.indexOf("mdat") < 0 ? Integer.MAX_VALUE
                : start.indexOf("mdat"));
    }

    @Test
    void aVideoOfAnotherKindIsRefusedNamingTheFormatsTakenAndNothingIsKept() throws Exception {
        long caseId = openCase();
        Path mkv = InterviewVideos.mpeg4Matroska(dir.resolve("interview.mkv"), 2);
        long refusedBefore = audited("interview-upload-refused", null);

        Response up = upload(caseId, "interview.mkv", "video/x-matroska", mkv, Instant.now());

        assertThat(up.status()).as(up.body()).isEqualTo(415);
        assertThat(up.code()).isEqualTo("interview-recording-video");
        assertThat(up.json().get("detail").asString()).contains("MP4").contains("WebM");
        assertThat(api.get(BASE + "/cases/" + caseId + "/recordings", personnel).json().size()).isZero();
        assertThat(audited("interview-upload-refused", null)).isEqualTo(refusedBefore + 1);
    }

    @Test
    void aCameraFileCutShortIsRefusedAsUnreadableAndNothingIsKept() throws Exception {
        long caseId = openCase();
        byte[] whole = Files.readAllBytes(InterviewVideos.mp4(dir.resolve("camera.mp4"), 3));
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));
        long refusedBefore = audited("interview-upload-refused", null);

        Response up = upload(caseId, "cut.mp4", "video/mp4", cut, Instant.now());

        assertThat(up.status()).as(up.body()).isEqualTo(415);
        assertThat(up.code()).isEqualTo("interview-recording-unreadable");
        assertThat(api.get(BASE + "/cases/" + caseId + "/recordings", personnel).json().size()).isZero();
        assertThat(audited("interview-upload-refused", null)).isEqualTo(refusedBefore + 1);
    }
}
