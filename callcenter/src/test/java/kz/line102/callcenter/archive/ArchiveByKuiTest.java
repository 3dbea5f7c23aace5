package kz.line102.callcenter.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.ingest.IngestJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auditors find a recording by the KUI number of the card its call belongs to: over the API,
 * and in Chromium from the sign-in page in Russian and in Kazakh, with a recording like the
 * demo's (the WAV its replay leaves for an answered call), up to playing it.
 */
@CallcenterTest
class ArchiveByKuiTest {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "ru", Map.of("signIn", "Линия 102 — вход", "search", "Поиск записей", "kui", "Номер КУИ"),
            "kk", Map.of("signIn", "102 желісі — кіру", "search", "Жазбаларды іздеу", "kui", "АЕК нөмірі"));

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    RecordingService recordings;
    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver browser;
    private String auditor;
    private String kui;
    private Recording recording;

    @BeforeEach
    void aDemoRecordingOfARegisteredCard() throws Exception {
        Api.user(users, "kui-archive-admin", Role.ADMIN);
        auditor = Api.user(users, "kui-archive-auditor", Role.AUDITOR);
        String file = "102-" + UUID.randomUUID() + ".wav";
        Path spool = Path.of("target/recordings/spool");
        Files.createDirectories(spool);
        Files.write(spool.resolve(file), DemoReplay.answeredCallRecording(8));
        IngestJob job = recordings.ingest(IngestRequest.of(UUID.randomUUID().toString(),
                "/var/spool/asterisk/monitor/" + file, Instant.now().truncatedTo(ChronoUnit.MILLIS), "+77015550188",
                "op-kui"));
        UUID id = await().atMost(Duration.ofSeconds(30)).until(() -> recordings.ingestJob(job.id()).orElseThrow()
                .recordingId(), Objects::nonNull);
        // A registered card and the link the archive's pass makes from the card's call to the recording.
        int sequence = ThreadLocalRandom.current().nextInt(1, 999_999);
        kui = "KUI-TST-2026-" + String.format("%06d", sequence);
        UUID card = UUID.randomUUID();
        jdbc.update("""
                insert into incidents (id, status, unit_code, kui_number, kui_year, kui_sequence, created_by)
                values (?, 'REGISTERED', 'TST', ?, 2026, ?, 'kui-test')""", card, kui, sequence);
        jdbc.update("update recordings set incident_id = ? where id = ?", card.toString(), id);
        recording = recordings.find(id).orElseThrow();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theApiFindsTheRecordingsOfACardByItsKuiNumberAndNothingForAnUnknownNumber() throws Exception {
        Api api = new Api(port);
        Api.Response created = api.json("POST", "/api/v1/archive/requests", auditor, """
                {"requestingBody":"ДП","documentNumber":"7/26","documentDate":"2026-11-30","reason":"дело"}
                """);
        assertThat(created.status()).isEqualTo(201);
        String request = created.json().get("id").asString();

        Api.Response found = search(api, request, " " + kui.toLowerCase() + " ");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("items").size()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("id").asString()).isEqualTo(recording.id().toString());
        assertThat(found.json().get("items").get(0).get("kuiNumber").asString()).isEqualTo(kui);

        Api.Response none = search(api, request, "KUI-TST-1999-000000");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("items").size()).isZero();
    }

    private Api.Response search(Api api, String request, String kuiNumber) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/archive/recordings?kui="
                        + java.net.URLEncoder.encode(kuiNumber, java.nio.charset.StandardCharsets.UTF_8)))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (auditor + ":" + Api.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("X-Archive-Request", request).GET().build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "kk"})
    void anAuditorSignsInFilesTheRequestFindsTheDemoRecordingByKuiAndPlaysIt(String lang) {
        Map<String, String> text = TEXTS.get(lang);
        browser = Browser.start();
        try {
            browser.get(base() + "/login");
            if (!"ru".equals(lang)) {
                By button = By.cssSelector("button[data-lang=" + lang + "]");
                // The shell marks the buttons once it listens to them; a click before that is lost.
                until(() -> browser.findElement(button).getAttribute("aria-pressed") != null);
                browser.findElement(button).click();
                until(() -> "true".equals(browser.findElement(button).getAttribute("aria-pressed")));
            }
            until(() -> text.get("signIn").equals(browser.findElement(By.cssSelector("h1")).getText()));
            browser.findElement(By.name("username")).sendKeys(auditor);
            browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            until(() -> browser.getCurrentUrl().endsWith("/archive"));
            until(() -> text.get("search").equals(el("search-title").getText()));
            assertThat(el("s-kui").getAccessibleName()).isEqualTo(text.get("kui"));

            el("req-body").sendKeys("Следственное управление ДП г. Астаны");
            el("req-number").sendKeys("7-102/26");
            browser.executeScript("document.getElementById('req-date').value = '2026-11-30'");
            el("req-reason").sendKeys("уголовное дело 261234599");
            el("req-submit").click();
            until(() -> el("s-kui").isEnabled());

            el("s-kui").sendKeys(kui);
            el("s-submit").click();
            By row = By.cssSelector("#results tr[data-id='" + recording.id() + "']");
            until(() -> !browser.findElements(row).isEmpty());
            assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize(1);
            WebElement tr = browser.findElement(row);
            assertThat(tr.findElement(By.cssSelector("td.kui")).getText()).isEqualTo(kui);

            tr.findElement(By.cssSelector("button.play")).click();
            until(() -> el("player").getAttribute("src") != null
                    && el("player").getAttribute("src").contains(recording.id().toString()));
            Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('player').src, {headers: {Range: 'bytes=0-99'}})"
                    + ".then(r => done(r.status), e => done(String(e)))");
            assertThat(status).isEqualTo(206L);
            // The element plays the recording: its clock moves (headless Chromium decodes without speakers).
            until(() -> ((Number) browser.executeScript(
                    "return document.getElementById('player').currentTime")).doubleValue() > 0);
            assertThat(el("error").getText()).isEmpty();
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    private WebElement el(String id) {
        return browser.findElement(By.id(id));
    }

    private static void until(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(condition);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
