package kz.line102.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.alert.AlertRequest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.alert.Severity;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A new alert on the duty officer's screen calls for attention, the more urgent the louder and longer. */
@CallcenterTest
class SupervisorAttentionPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AlertService alerts;

    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private Object stat(String name) {
        return browser.executeScript("return window.Line102Attention.stats." + name);
    }

    private void until(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    @Test
    void aCriticalAlertSoundsLouderAndLongerThanAnInformationalOne() {
        String duty = Api.user(users, "attention-duty", Role.SUPERVISOR);
        Browser.signIn(browser, port, "/supervisor", duty);
        until(() -> "на связи".equals(browser.findElement(By.id("socket-state")).getText()));
        // The duty officer has touched the page (browsers play sound only after a gesture).
        browser.findElement(By.cssSelector("header h1")).click();
        String title = browser.getTitle();

        alerts.raise(new AlertRequest("attention:" + UUID.randomUUID(), "incident-serious", Severity.CRITICAL,
                "Разбой " + UUID.randomUUID().toString().substring(0, 6), Map.of(), null, "system"));
        until(() -> ((Number) stat("rings")).intValue() == 1);
        until(() -> ((Number) stat("played")).intValue() >= 1);
        assertThat(((Number) stat("lastLevel")).intValue()).isEqualTo(1);
        assertThat(((Number) stat("lastVolume")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) stat("lastRepeats")).intValue()).isEqualTo(3);
        assertThat(stat("flashing")).isEqualTo(true);
        until(() -> browser.getTitle().startsWith("\u25CF Разбой"));

        alerts.raise(new AlertRequest("attention:" + UUID.randomUUID(), "incident-serious", Severity.INFO,
                "Сведения " + UUID.randomUUID().toString().substring(0, 6), Map.of(), null, "system"));
        until(() -> ((Number) stat("rings")).intValue() == 2);
        assertThat(((Number) stat("lastLevel")).intValue()).isEqualTo(3);
        assertThat(((Number) stat("lastVolume")).doubleValue()).isLessThan(1.0);
        assertThat(((Number) stat("lastRepeats")).intValue()).isEqualTo(1);

        // Looking at the page (a click) ends the flashing and gives the title back.
        browser.findElement(By.cssSelector("header h1")).click();
        until(() -> Boolean.FALSE.equals(stat("flashing")) && browser.getTitle().equals(title));
    }
}
