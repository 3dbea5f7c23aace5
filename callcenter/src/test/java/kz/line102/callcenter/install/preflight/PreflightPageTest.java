package kz.line102.callcenter.install.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.ami.AmiConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * IT staff's preflight page in a real Chromium: the replayed PBX's dialplan calls the routing
 * service on a wrong port; the page lists that failure with what to change in Russian, Kazakh and
 * English, and "run again" shows the repair with a new run time.
 */
@CallcenterTest
class PreflightPageTest {

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

    private ChromeDriver browser;
    private String admin;

    @BeforeEach
    void start() {
        admin = Api.user(users, "page-preflight-admin", Role.ADMIN);
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.health().connected());
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
        for (String g : List.of("ROUTE_AGI", "ROUTE_DEFAULT_QUEUE", "ROUTE_DEFAULT_PRIO", "RECDIR")) {
            replay.server().setGlobal(g, null);
        }
    }

    private WebElement row(String id) {
        return browser.findElement(By.cssSelector("tr[data-id='" + id + "']"));
    }

    private String cell(String id, String cssClass) {
        return row(id).findElement(By.cssSelector("td." + cssClass)).getText();
    }

    private void awaitRow(String id, String text) {
        try {
            // Each run (and each language) draws the rows anew: an element found a moment ago may be gone.
            await().atMost(Duration.ofSeconds(20)).ignoreException(StaleElementReferenceException.class)
                    .until(() -> !browser.findElements(
                    By.cssSelector("tr[data-id='" + id + "']")).isEmpty() && row(id).getText().contains(text));
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    @Test
    void aWrongFastAgiPortIsListedWithWhatToChangeInEveryLanguageAndRunAgainShowsTheRepair() {
        replay.server().setGlobal("ROUTE_AGI", "agi://127.0.0.1:4599/route102");
        Browser.signIn(browser, port, "/admin/preflight", admin);

        awaitRow("dialplan-agi", "порт 4599");
        WebElement failed = row("dialplan-agi");
        assertThat(failed.getAttribute("data-status")).isEqualTo("fail");
        assertThat(failed.getText()).contains("Адрес FastAGI в плане набора", "dialplan-agi", "ошибка");
        assertThat(cell("dialplan-agi", "message")).contains("порт 4599").contains("слушает порт " + agi.port());
        assertThat(cell("dialplan-agi", "fix")).contains("dialplan reload");
        assertThat(browser.findElement(By.id("overall")).getText()).isEqualTo("Есть ошибки");
        assertThat(row("redis-persistence").getText()).contains("Сохранность Redis");
        // Every finding of the run has its row.
        assertThat(browser.findElements(By.cssSelector("#findings tbody tr")).size()).isGreaterThanOrEqualTo(16);
        String firstRun = browser.findElement(By.id("last-run")).getAttribute("datetime");
        assertThat(firstRun).isNotBlank();

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        awaitRow("redis-persistence", "AOF журналынсыз");
        assertThat(browser.findElement(By.id("run")).getText()).isEqualTo("Қайта тексеру");
        assertThat(row("dialplan-agi").getText()).contains("қате");

        browser.findElement(By.cssSelector("button[data-lang=en]")).click();
        awaitRow("dialplan-agi", "port 4599");
        assertThat(row("dialplan-agi").getText()).contains("FastAGI address in the dialplan", "FAIL");
        assertThat(cell("dialplan-agi", "message")).contains("listens on port " + agi.port());
        assertThat(cell("dialplan-agi", "fix")).contains("line102.cti.agi.port");
        assertThat(browser.findElement(By.id("run")).getText()).isEqualTo("Run again");

        // Repaired on the PBX: one click runs every check again.
        replay.server().setGlobal("ROUTE_AGI", "agi://127.0.0.1:" + agi.port() + "/route102");
        String before = browser.findElement(By.id("last-run")).getAttribute("datetime");
        browser.findElement(By.id("run")).click();
        awaitRow("dialplan-agi", "where it listens");
        assertThat(row("dialplan-agi").getAttribute("data-status")).isEqualTo("ok");
        assertThat(cell("dialplan-agi", "fix")).isEmpty();
        assertThat(Instant.parse(browser.findElement(By.id("last-run")).getAttribute("datetime")))
                .isAfter(Instant.parse(before));
    }
}
