package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** The operator's state on the console and the supervisors' wallboard, in a real Chromium. */
class StatePagesTest extends QueueTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private ChromeDriver browser;

    @BeforeEach
    void browser() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private void signInAs(String page, String user) {
        browser.get("http://127.0.0.1:" + port + page);
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains(page));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void theOperatorPausesWithAReasonAndIsReadyAgainFromTheConsole() {
        signInAs("/console", operator);
        await().atMost(WAIT).until(() -> browser.findElement(By.id("ws-form")).isDisplayed());
        await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("#ws-input option[value='" + desk + "']"))
                .isEmpty());
        new Select(browser.findElement(By.id("ws-input"))).selectByValue(desk);
        browser.findElement(By.id("ws-join")).click();
        await().atMost(WAIT).until(() -> browser.findElement(By.id("op-state")).isDisplayed());
        await().atMost(WAIT).until(() -> "готов".equals(text("state-now")));

        new Select(browser.findElement(By.id("state-pause-reason"))).selectByValue("meal");
        browser.findElement(By.id("state-pause")).click();
        await().atMost(WAIT).until(() -> "пауза".equals(text("state-now")));
        assertThat(text("state-reason")).isEqualTo("(приём пищи)");
        assertThat(inPbx().get(0).pausedReason()).isEqualTo("meal");

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        await().atMost(WAIT).until(() -> "үзіліс".equals(text("state-now")));
        browser.findElement(By.id("state-ready")).click();
        await().atMost(WAIT).until(() -> "дайын".equals(text("state-now")));
        assertThat(inPbx().get(0).paused()).isFalse();
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }

    @Test
    void theWallboardShowsEachOperatorsStateAndTheQueues() {
        assertThat(signIn().status()).isEqualTo(201);
        assertThat(setState("{\"state\":\"paused\",\"reason\":\"training\"}").status()).isEqualTo(200);
        assertThat(api.get("/wallboard", operator).status()).isEqualTo(403);

        signInAs("/wallboard", supervisor);
        By row = By.cssSelector("tr[data-operator='" + operator + "']");
        await().atMost(WAIT).until(() -> !browser.findElements(row).isEmpty()
                && browser.findElement(row).getText().contains("пауза"));
        assertThat(browser.findElement(row).getText()).contains("обучение").contains(desk).contains("q102");
        assertThat(browser.findElements(By.cssSelector("tr[data-queue='q102']"))).hasSize(1);

        browser.findElement(By.cssSelector("button[data-lang=en]")).click();
        await().atMost(WAIT).until(() -> browser.findElement(row).getText().contains("paused"));
        assertThat(text("queues-title")).isEqualTo("Queues");
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        await().atMost(WAIT).until(() -> browser.findElement(row).getText().contains("үзіліс"));
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }
}
