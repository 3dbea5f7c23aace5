package kz.line102.callcenter.install.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.PlayOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The preflight against the replayed PBX and the real stores set up wrongly, one way at a
 * time: each finding names what is wrong and what to change, in Russian and in English.
 */
@CallcenterTest
class PreflightTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DemoReplay replay;
    @Autowired
    AmiConnector ami;
    @Autowired
    AgiRoutingServer agi;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Preflight preflight;

    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;

    @BeforeEach
    void admin() {
        admin = Api.user(users, "preflight-admin", Role.ADMIN);
        awaitLinkUp();
    }

    @AfterEach
    void pbxAsConfigured() {
        AmiReplayServer pbx = replay.server();
        for (String g : List.of("ROUTE_AGI", "ROUTE_DEFAULT_QUEUE", "ROUTE_DEFAULT_PRIO", "RECDIR")) {
            pbx.setGlobal(g, null);
        }
        pbx.restrictPermissions(null, null);
    }

    @Test
    void aWrongFastAgiPortInTheDialplanFailsNamingBothPortsAndTheFix() {
        replay.server().setGlobal("ROUTE_AGI", "agi://127.0.0.1:4599/route102");
        replay.server().setGlobal("ROUTE_DEFAULT_QUEUE", "q102");
        replay.server().setGlobal("ROUTE_DEFAULT_PRIO", "0");

        JsonNode en = finding(get("en"), "dialplan-agi");
        assertThat(en.path("status").asString()).isEqualTo("fail");
        assertThat(en.path("message").asString()).contains("port 4599").contains("listens on port " + agi.port())
                .contains("default queue");
        assertThat(en.path("fix").asString()).contains("dialplan reload").contains("line102.cti.agi.port");
        JsonNode ru = finding(get("ru"), "dialplan-agi");
        assertThat(ru.path("status").asString()).isEqualTo("fail");
        assertThat(ru.path("message").asString()).contains("порт 4599").contains("слушает порт " + agi.port());
        assertThat(ru.path("fix").asString()).contains("dialplan reload");
        assertThat(finding(get("en"), "dialplan-default-queue").path("status").asString()).isEqualTo("ok");

        replay.server().setGlobal("ROUTE_AGI", "agi://127.0.0.1:" + agi.port() + "/route102");
        JsonNode fixed = finding(get("en"), "dialplan-agi");
        assertThat(fixed.path("status").asString()).isEqualTo("ok");
        assertThat(fixed.path("fix").isNull()).isTrue();
    }

    @Test
    void aDialplanWithoutOurGlobalsIsReported() {
        JsonNode agiUnset = finding(get("en"), "dialplan-agi");
        assertThat(agiUnset.path("status").asString()).isEqualTo("fail");
        assertThat(agiUnset.path("message").asString()).contains("no global ROUTE_AGI");
        assertThat(finding(get("en"), "dialplan-recording-dir").path("status").asString()).isNotEqualTo("ok");
    }

    @Test
    void anAmiUserWithoutTheCallClassOrTheAgentWritesIsReported() throws Exception {
        AmiReplayServer pbx = replay.server();
        pbx.restrictPermissions(Set.of("system", "agent", "dialplan"), Set.of("system", "reporting"));
        relogin();
        pbx.play("answered", PlayOptions.fast()).done().get();
        await().atMost(Duration.ofSeconds(10)).until(() -> ami.pbxInfo().heardEvents().heard("agent"));

        JsonNode en = get("en");
        JsonNode classes = finding(en, "ami-read-classes");
        assertThat(classes.path("status").asString()).isEqualTo("fail");
        assertThat(classes.path("message").asString()).contains("no events of class call");
        assertThat(classes.path("fix").asString()).contains("read = system,call,agent,dialplan");
        JsonNode actions = finding(en, "ami-actions");
        assertThat(actions.path("status").asString()).isEqualTo("fail");
        assertThat(actions.path("message").asString()).contains("QueueAdd").contains("QueuePause");
        assertThat(actions.path("fix").asString()).contains("write = agent,reporting");
        JsonNode ru = finding(get("ru"), "ami-read-classes");
        assertThat(ru.path("message").asString()).contains("не получает событий класса call");

        pbx.restrictPermissions(null, null);
        relogin();
        pbx.play("answered", PlayOptions.fast()).done().get();
        await().atMost(Duration.ofSeconds(10)).until(() -> ami.pbxInfo().heardEvents().heard("call"));
        assertThat(finding(get("en"), "ami-read-classes").path("status").asString()).isIn("ok", "warn");
        assertThat(finding(get("en"), "ami-actions").path("status").asString()).isEqualTo("ok");
    }

    @Test
    void aMissingRecordingDirectoryFailsAndSaysWhatToCreate(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("no-such-spool");
        Preflight one = new Preflight(List.of(new RecordingDirCheck(() -> Optional.of(missing), jdbc,
                Duration.ofHours(4), Clock.systemUTC())), new PreflightTexts(), Clock.systemUTC());
        Finding f = single(one.run(false));
        assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(one.texts().message(f, Locale.ENGLISH)).isEqualTo("The recording directory " + missing
                + " does not exist: no recording can be taken in.");
        assertThat(one.texts().fix(f, Locale.ENGLISH)).startsWith("Create " + missing);
        assertThat(one.texts().message(f, Locale.forLanguageTag("ru"))).isEqualTo("Каталога записей " + missing
                + " нет: ни одна запись не будет принята.");
        assertThat(one.texts().fix(f, Locale.forLanguageTag("ru"))).startsWith("Создайте " + missing);

        // There, but no file while calls were recorded: a warning; a fresh file: fine.
        UUID recorded = UUID.randomUUID();
        jdbc.update("insert into calls (id, offered_at, recording_file) values (?, now(), 'x.wav')", recorded);
        try {
            Preflight there = new Preflight(List.of(new RecordingDirCheck(() -> Optional.of(tmp), jdbc,
                    Duration.ofHours(4), Clock.systemUTC())), new PreflightTexts(), Clock.systemUTC());
            Finding quiet = single(there.run(false));
            assertThat(quiet.status()).isEqualTo(Finding.Status.WARN);
            assertThat(there.texts().message(quiet, Locale.ENGLISH)).startsWith("No new file in " + tmp
                    + " for 4 h while ");
            java.nio.file.Files.writeString(tmp.resolve("call.wav"), "RIFF");
            assertThat(single(there.run(false)).status()).isEqualTo(Finding.Status.OK);
        } finally {
            jdbc.update("delete from calls where id = ?", recorded);
        }
    }

    @Test
    void callsWithoutCelOrQueueLogRowsMeanAsteriskDoesNotWriteItsLogs() {
        // The newest call of all (a day ahead), so no CEL row of another test is as new as it.
        UUID id = UUID.randomUUID();
        Instant offered = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        jdbc.update("insert into calls (id, offered_at) values (?, ?)", id, Timestamp.from(offered));
        try {
            Preflight one = new Preflight(List.of(new PbxLogCheck(jdbc, "asterisk", Duration.ofMinutes(2))),
                    new PreflightTexts(), Clock.systemUTC());
            Finding f = single(one.run(false));
            assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
            assertThat(one.texts().message(f, Locale.ENGLISH)).startsWith("Asterisk does not write its logs: "
                    + "the newest call began at " + offered + ", but the newest CEL row is ");
            assertThat(one.texts().fix(f, Locale.ENGLISH)).contains("cel_pgsql").contains("line102_pbx");
            assertThat(one.texts().message(f, Locale.forLanguageTag("ru")))
                    .startsWith("Asterisk не пишет свои журналы");
        } finally {
            jdbc.update("delete from calls where id = ?", id);
        }
    }

    @Test
    void redisWithoutTheAppendOnlyFileFailsInEveryLanguageAndHealthShowsItWithoutGoingDown() throws Exception {
        // The machine's Redis (and CI's) runs without AOF.
        JsonNode en = finding(get("en"), "redis-persistence");
        assertThat(en.path("status").asString()).isEqualTo("fail");
        assertThat(en.path("message").asString()).contains("without the append-only file (appendonly no)");
        assertThat(en.path("fix").asString()).contains("appendonly yes");
        assertThat(finding(get("ru"), "redis-persistence").path("message").asString())
                .contains("без журнала AOF (appendonly no)");
        assertThat(finding(get("kk"), "redis-persistence").path("message").asString())
                .contains("AOF журналынсыз");
        assertThat(get(null).path("language").asString()).isEqualTo("ru");
        assertThat(get("de-DE,en;q=0.5").path("language").asString()).isEqualTo("en");

        await().atMost(Duration.ofSeconds(60)).until(() -> preflight.latest() != null);
        preflight.run(true);
        HttpResponse<String> health = http.send(request("/actuator/health", null), HttpResponse.BodyHandlers
                .ofString(StandardCharsets.UTF_8));
        JsonNode h = JSON.readTree(health.body());
        assertThat(h.path("components").path("preflight").path("status").asString()).isEqualTo("PREFLIGHT_FAILED");
        assertThat(h.path("components").path("preflight").path("details").path("redis-persistence").asString())
                .startsWith("fail: Redis runs without the append-only file");
        assertThat(h.path("status").asString()).isNotEqualTo("PREFLIGHT_FAILED");
    }

    @Test
    void theClocksAndTheDatabaseRolesAreReported() {
        JsonNode en = get("en");
        assertThat(finding(en, "clock-database").path("status").asString()).isEqualTo("ok");
        assertThat(finding(en, "clock-pbx").path("status").asString()).isEqualTo("ok");
        assertThat(finding(en, "clock-pbx").path("message").asString()).contains("tolerance 2000 ms");
        // The tests log in as postgres, a superuser; the migrations create line102_pbx with INSERT only.
        assertThat(finding(en, "database-app-role").path("status").asString()).isEqualTo("warn");
        assertThat(finding(en, "database-pbx-role").path("status").asString()).isEqualTo("ok");
        assertThat(finding(en, "ami-link").path("status").asString()).isEqualTo("ok");
    }

    private void relogin() {
        Instant before = ami.pbxInfo().heardEvents().since();
        replay.server().dropClients(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.health().connected()
                && ami.pbxInfo().heardEvents().since() != null && ami.pbxInfo().heardEvents().since().isAfter(before));
    }

    private void awaitLinkUp() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.health().connected());
    }

    private static Finding single(PreflightReport report) {
        assertThat(report.findings()).hasSize(1);
        return report.findings().get(0);
    }

    private JsonNode get(String language) {
        try {
            HttpResponse<String> r = http.send(request("/api/v1/admin/preflight", language),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String path, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((admin + ":" + Api.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return b.GET().build();
    }

    private static JsonNode finding(JsonNode answer, String id) {
        for (JsonNode f : answer.path("findings")) {
            if (f.path("id").asString().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + answer);
    }
}
