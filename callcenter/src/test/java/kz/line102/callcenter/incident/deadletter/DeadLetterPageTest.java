package kz.line102.callcenter.incident.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** IT staff's dead-letter page in a real Chromium: a parked job is listed with its card and error, and replayed. */
@CallcenterTest
class DeadLetterPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    IncidentJobs jobs;
    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver browser;
    private String admin;

    @BeforeEach
    void start() {
        admin = Api.user(users, "page-it-admin", Role.ADMIN);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    /** A registered card with a job of a step no route runs, parked as dead after five attempts. */
    private long deadJob(String kui, String error) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into incidents (id, status, unit_code, created_by, category, type_code, priority,
                    scene_unknown, description, submitted_at, registered_at, kui_number, kui_year, kui_sequence)
                values (?, 'REGISTERED', 'PAGE', 'page-op', 'CRIMINAL_OFFENCE', 'robbery', 2, true, 'page test',
                    now(), now(), ?, 2026, ?)""", id, kui, ThreadLocalRandom.current().nextInt(1, 1_000_000_000));
        return jdbc.queryForObject("""
                insert into incident_jobs (incident_id, step, target, status, attempts, last_error)
                values (?, 'page-test', 'erdr@v3', 'dead', 5, ?) returning id""", Long.class, id, error);
    }

    private WebElement row(long jobId) {
        return browser.findElement(By.cssSelector("tr[data-job-id='" + jobId + "']"));
    }

    @Test
    void aDeadLetterIsListedWithItsCardAndErrorAndReplayedFromThePage() {
        String kui = "KUI-PAGE-2026-" + UUID.randomUUID().toString().substring(0, 6);
        long jobId = deadJob(kui, "HTTP operation failed with statusCode: 503 registry unavailable");
        Browser.signIn(browser, port, "/admin/dead-letters", admin);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                    By.cssSelector("tr[data-job-id='" + jobId + "']")).isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
        assertThat(row(jobId).getText()).contains(kui, "page-test", "erdr@v3", "5", "503 registry unavailable");
        assertThat(browser.findElement(By.id("letters-title")).getText()).contains("остановленные");

        row(jobId).findElement(By.cssSelector("button.replay")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(
                By.cssSelector("tr[data-job-id='" + jobId + "']")).isEmpty());
        assertThat(browser.findElement(By.id("notice")).getText()).contains("снова в очереди");
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo("pending");
        assertThat(jobs.find(jobId).orElseThrow().attempts()).isZero();

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        assertThat(browser.findElement(By.id("reload")).getText()).isEqualTo("Жаңарту");
        browser.findElement(By.cssSelector("button[data-lang=en]")).click();
        assertThat(browser.findElement(By.id("reload")).getText()).isEqualTo("Reload");
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }
}
