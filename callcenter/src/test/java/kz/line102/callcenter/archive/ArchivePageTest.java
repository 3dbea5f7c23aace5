package kz.line102.callcenter.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditors' archive page in a real Chromium: sign in, record the legal basis, find a
 * recording by the caller's number and play it.
 */
@CallcenterTest
class ArchivePageTest {

    private static final String CALLER = "+77015550177";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    RecordingService recordings;

    private ChromeDriver browser;
    private String auditor;
    private Recording recording;

    @BeforeEach
    void archivedRecording() throws Exception {
        Api.user(users, "archive-page-admin", Role.ADMIN);
        auditor = Api.user(users, "archive-page-auditor", Role.AUDITOR);
        String file = "102-" + UUID.randomUUID() + ".wav";
        Path spool = Path.of("target/recordings/spool");
        Files.createDirectories(spool);
        Files.copy(RecordingIngestAfterIntakeTest.FIXTURE, spool.resolve(file));
        IngestJob job = recordings.ingest(IngestRequest.of(UUID.randomUUID().toString(),
                "/var/spool/asterisk/monitor/" + file, Instant.now().truncatedTo(ChronoUnit.MILLIS), CALLER,
                "op-archive-page"));
        UUID id = await().atMost(Duration.ofSeconds(30)).until(() -> recordings.ingestJob(job.id()).orElseThrow()
                .recordingId(), Objects::nonNull);
        recording = recordings.find(id).orElseThrow();
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement el(String id) {
        return browser.findElement(By.id(id));
    }

    @Test
    void anAuditorRecordsARequestFindsARecordingByNumberAndPlaysIt() {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/archive");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.name("username")).sendKeys(auditor);
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/archive"));

        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> auditor.equals(el("who").getText()));
        } catch (RuntimeException e) {
            System.out.println("PAGE: " + browser.getPageSource());
            browser.manage().logs().get("browser").forEach(l -> System.out.println("CONSOLE: " + l));
            throw e;
        }
        // No request recorded in this sitting: the search cannot be used.
        assertThat(el("request-form").isDisplayed()).isTrue();
        assertThat(el("s-number").isEnabled()).isFalse();
        assertThat(el("s-submit").isEnabled()).isFalse();
        assertThat(el("req-body").getAccessibleName()).isEqualTo("Запрашивающий орган");

        el("req-body").sendKeys("Следственное управление ДП г. Астаны");
        el("req-number").sendKeys("12-345/26");
        // A date input's typed form follows the browser's locale; its value is always yyyy-MM-dd.
        browser.executeScript("document.getElementById('req-date').value = '2026-11-20'");
        el("req-reason").sendKeys("уголовное дело 261234567");
        el("req-submit").click();

        await().atMost(Duration.ofSeconds(10)).until(() -> el("s-number").isEnabled());
        assertThat(el("request-form").isDisplayed()).isFalse();
        assertThat(el("request-summary").getText()).contains("12-345/26");
        String requestId = (String) browser.executeScript(
                "return JSON.parse(sessionStorage.getItem('line102.archive.request')).id");
        assertThat(requestId).isNotBlank();

        el("s-number").sendKeys(CALLER);
        el("s-submit").click();
        By row = By.cssSelector("#results tr[data-id='" + recording.id() + "']");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(row).isEmpty());
        WebElement tr = browser.findElement(row);
        assertThat(tr.findElement(By.cssSelector("td.number")).getText()).isEqualTo(CALLER);
        assertThat(tr.findElement(By.cssSelector("td.hash")).getText()).isEqualTo(recording.sha256());
        assertThat(browser.findElements(By.cssSelector("#results tbody td.number")))
                .allSatisfy(td -> assertThat(td.getText()).isEqualTo(CALLER));
        String audio = "/api/v1/archive/recordings/" + recording.id() + "/audio?request=" + requestId;
        assertThat(tr.findElement(By.cssSelector("a.download")).getAttribute("href"))
                .isEqualTo(base + "/api/v1/archive/recordings/" + recording.id() + "/download?request=" + requestId);

        tr.findElement(By.cssSelector("button.play")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> (base + audio).equals(el("player").getAttribute("src")));
        Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('player').src, {headers: {Range: 'bytes=0-99'}})"
                + ".then(r => done(r.status), e => done(String(e)))");
        assertThat(status).isIn(200L, 206L);
        assertThat(el("error").getText()).isEmpty();

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        assertThat(el("search-title").getText()).isEqualTo("Жазбаларды іздеу");
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }
}
