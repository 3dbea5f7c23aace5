package kz.line102.callcenter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same card at the same wall-clock time on the page, in the CSV and in the PDF, all
 * in the centre's zone (Asia/Almaty, UTC+5), while the JVM and the browser are in UTC:
 * the page takes the zone from the server, never from the browser.
 */
@CallcenterTest
class ReportTimesAgreeTest {

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

    private ChromeDriver browser;
    private String duty;
    private TimeZone jvmZone;

    @BeforeEach
    void start() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        duty = Api.user(users, "times-duty", Role.SUPERVISOR);
        browser = Browser.start();
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
    }

    @AfterEach
    void close() {
        browser.quit();
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void aCardAtSixThirteenIsAtSixThirteenOnThePageInTheCsvAndInThePdf() throws IOException {
        assertThat(props.zone().getId()).isEqualTo("Asia/Almaty");
        ReportFixtures f = new ReportFixtures(incidents, jobs, props, jdbc);
        LocalDate day = f.freshDay();
        // 06:13 the next morning is still this watch (08:00 to 08:00); in UTC it is 01:13.
        LocalDate next = day.plusDays(1);
        UUID card = f.registered("CRIMINAL_OFFENCE", "theft", "ул. Кенесары, 40", f.at(next, LocalTime.of(6, 13)));
        String kui = incidents.get(card).kuiNumber();
        String date = String.format("%02d.%02d.%d", next.getDayOfMonth(), next.getMonthValue(), next.getYear());

        Browser.signIn(browser, port, "/reports?date=" + day, duty);
        assertThat(browser.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("UTC");
        By row = By.cssSelector("[data-incident-id='" + card + "']");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(row).isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
        String onPage = browser.findElement(row).findElements(By.tagName("td")).get(2).getText();
        assertThat(onPage).contains(date, "06:13").doesNotContain("01:13");
        String watch = browser.findElement(By.id("watch-period")).getText();
        assertThat(watch).contains("08:00", "Asia/Almaty").doesNotContain("03:00");

        String csv = new String(bytes("/api/v1/reports/daily/" + day + ".csv"), StandardCharsets.UTF_8);
        String csvLine = csv.lines().filter(l -> l.contains(kui)).findFirst().orElseThrow();
        assertThat(csvLine).contains(date + " 06:13").doesNotContain("01:13");

        try (PDDocument doc = Loader.loadPDF(bytes("/api/v1/reports/daily/" + day + ".pdf"))) {
            // A narrow column wraps the date and the time onto two lines.
            String pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(pdf).contains(date + " 06:13").doesNotContain("01:13");
            assertThat(pdf).contains("08:00", "Asia/Almaty");
        }
    }

    private byte[] bytes(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (duty + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
