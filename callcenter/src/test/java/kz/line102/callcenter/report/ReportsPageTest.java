package kz.line102.callcenter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.callcenter.incident.IncidentService;
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

/** The daily report page in a real Chromium: the duty officer opens a watch's report, signs it off, sees who signed. */
@CallcenterTest
class ReportsPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentJobs jobs;
    @Autowired
    IncidentProperties props;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DailyReportService reports;

    private ChromeDriver browser;
    private String duty;

    @BeforeEach
    void start() {
        Api.user(users, "page-admin", Role.ADMIN);
        duty = Api.user(users, "page-report-duty", Role.SUPERVISOR);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void theDutyOfficerOpensTheReportSignsItOffAndSeesWhoSigned() {
        ReportFixtures f = new ReportFixtures(incidents, jobs, props, jdbc);
        LocalDate day = f.freshDay();
        UUID card = f.registered("CRIMINAL_OFFENCE", "theft", "ул. Сарыарқа, 7", f.at(day, LocalTime.of(14, 5)));
        incidents.workOff(ReportFixtures.DUTY, card, f.version(card), "Похищенный телефон найден", null);
        f.fedFully(card);
        String kui = incidents.get(card).kuiNumber();

        Browser.signIn(browser, port, "/reports?date=" + day, duty);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                    By.cssSelector("[data-incident-id='" + card + "']")).isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
        WebElement row = browser.findElement(By.cssSelector("[data-incident-id='" + card + "']"));
        assertThat(row.getText()).contains(kui, "Кража", "ул. Сарыарқа, 7", "отработана", "Похищенный телефон найден");
        assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("Не подписана");
        assertThat(browser.findElement(By.id("pdf-link")).getAttribute("href"))
                .endsWith("/api/v1/reports/daily/" + day + ".pdf?lang=ru");
        assertThat(browser.findElement(By.id("csv-link")).getAttribute("href"))
                .endsWith("/api/v1/reports/daily/" + day + ".csv?lang=ru");

        browser.findElement(By.id("sign-off")).click();
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("report-state")).getText()
                .startsWith("Подписана: " + duty));
        assertThat(browser.findElement(By.id("report-sha")).getText()).matches("SHA-256: [0-9a-f]{64}");
        assertThat(browser.findElement(By.id("sign-off")).isDisplayed()).isFalse();
        assertThat(reports.report(reports.watch(day.toString())).signedBy()).isEqualTo(duty);

        // Opened again later, the page shows the signature; in Kazakh too.
        browser.navigate().refresh();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("report-state")).getText()
                .startsWith("Подписана: " + duty));
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        assertThat(browser.findElement(By.id("report-state")).getText()).startsWith("Қол қойылған: " + duty);
        assertThat(browser.findElement(By.id("pdf-link")).getAttribute("href")).endsWith(".pdf?lang=kk");
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }

    @Test
    void aDateThatIsNoWatchShowsTheReason() {
        Browser.signIn(browser, port, "/reports?date=2999-01-01", duty);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("error")).getText()
                .contains("ещё не началась"));
        assertThat(browser.findElement(By.id("report")).isDisplayed()).isFalse();
    }
}
