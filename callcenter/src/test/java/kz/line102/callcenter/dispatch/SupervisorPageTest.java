package kz.line102.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.alert.Alert;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The duty officer's screen in a real Chromium: alerts arrive live and are acknowledged; the duty sheet is kept. */
@CallcenterTest
class SupervisorPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AlertService alerts;
    @Autowired
    DutySheetService sheet;

    private ChromeDriver browser;
    private String duty;

    @BeforeEach
    void start() {
        Api.user(users, "page-admin", Role.ADMIN);
        duty = Api.user(users, "page-duty", Role.SUPERVISOR);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private WebElement row(String attribute, long id) {
        return browser.findElement(By.cssSelector("[" + attribute + "='" + id + "']"));
    }

    @Test
    void anAlertRaisedAnywhereAppearsAtOnceAndIsAcknowledgedFromTheScreen() {
        Browser.signIn(browser, port, "/supervisor", duty);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> "на связи".equals(
                    browser.findElement(By.id("socket-state")).getText()));
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
        Alert alert = alerts.raise(new AlertRequest("page:" + UUID.randomUUID(), "incident-serious", Severity.CRITICAL,
                "Разбой, ул. Абая 10 " + suffix(), Map.of(), null, "system"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                By.cssSelector("#alerts-list [data-alert-id='" + alert.id() + "']")).isEmpty());
        WebElement item = browser.findElement(By.cssSelector("#alerts-list [data-alert-id='" + alert.id() + "']"));
        assertThat(item.getText()).contains(alert.title());
        assertThat(item.getAttribute("class")).isEqualTo("critical");

        item.findElement(By.cssSelector("button.ack")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(
                By.cssSelector("#alerts-list [data-alert-id='" + alert.id() + "']")).isEmpty());
        // Kept, not gone: listed among the acknowledged ones.
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                By.cssSelector("#acked-table [data-alert-id='" + alert.id() + "']")).isEmpty());
        assertThat(alerts.get(alert.id()).acknowledgedBy()).isEqualTo(duty);

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        assertThat(browser.findElement(By.id("alerts-title")).getText()).startsWith("Дабылдар");
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }

    @Test
    void theDutyOfficerPutsAUnitOnDutyAndChangesItsState() {
        Unit unit = sheet.register("ПА-" + suffix(), "patrol", "page-admin");
        Browser.signIn(browser, port, "/supervisor", duty);
        await().atMost(Duration.ofSeconds(10)).until(() -> new Select(browser.findElement(By.id("duty-unit")))
                .getOptions().stream().anyMatch(o -> o.getAttribute("value").equals(String.valueOf(unit.id()))));
        new Select(browser.findElement(By.id("duty-unit"))).selectByValue(String.valueOf(unit.id()));
        browser.findElement(By.id("duty-crew")).sendKeys("ст. л-т Ахметов, с-т Ким");
        browser.findElement(By.id("duty-route")).sendKeys("Маршрут 7");
        browser.findElement(By.id("duty-submit")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                By.cssSelector("[data-unit-id='" + unit.id() + "']")).isEmpty());
        assertThat(row("data-unit-id", unit.id()).getText()).contains("свободен", "ст. л-т Ахметов, с-т Ким",
                "Маршрут 7");
        assertThat(sheet.get(unit.id()).crew()).isEqualTo(List.of("ст. л-т Ахметов", "с-т Ким"));

        new Select(row("data-unit-id", unit.id()).findElement(By.tagName("select"))).selectByValue("busy");
        await().atMost(Duration.ofSeconds(10)).until(() -> sheet.get(unit.id()).status().code().equals("busy"));
        await().atMost(Duration.ofSeconds(10)).until(() -> row("data-unit-id", unit.id()).getText().contains("занят"));

        browser.findElement(By.id("duty-submit")).click();
        assertThat(browser.findElement(By.id("duty-crew")).getAttribute("required")).isNotNull();
    }
}
