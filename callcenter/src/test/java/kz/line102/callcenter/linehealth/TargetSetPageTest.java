package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
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
 * IT staff edit the target set on /line-health in a real Chromium: a target added in the
 * form, a field refused with its reason beside it in Kazakh, then saved, then the
 * version before restored from the list of versions.
 */
@CallcenterTest
class TargetSetPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TargetSetService targetSet;

    private ChromeDriver browser;

    @BeforeEach
    void start() {
        Api.user(users, "lh-form-admin", Role.ADMIN);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private WebElement cell(WebElement row, String key) {
        return row.findElement(By.cssSelector("[data-key='" + key + "']"));
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void aTargetIsAddedRefusedInKazakhCorrectedSavedAndTheVersionBeforeRestored() {
        Browser.signIn(browser, port, "/line-health", "lh-form-admin");
        int before = targetSet.current().version();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> browser.findElement(By.id("set-version")).getText()
                    .equals(String.valueOf(before)));
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
        String name = "form-" + UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("set-add")).click();
        List<WebElement> rows = browser.findElements(By.cssSelector("#set-targets tbody tr"));
        WebElement row = rows.get(rows.size() - 1);
        type(cell(row, "name"), name);
        type(cell(row, "host"), "127.0.0.1");
        type(cell(row, "port"), "5090");
        type(cell(row, "intervalMs"), "1000");
        type(cell(row, "timeoutMs"), "3000");
        type(cell(row, "failuresToDown"), "5");

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        browser.findElement(By.id("set-save")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .until(() -> !browser.findElements(By.cssSelector("#admin-form .field-error")).isEmpty());
        WebElement timeout = cell(row, "timeoutMs");
        assertThat(timeout.getAttribute("class")).contains("invalid");
        assertThat(browser.findElement(By.cssSelector("#admin-form .field-error")).getText())
                .isEqualTo("Тексеру интервалынан (1000 мс) аспауы керек.");
        assertThat(targetSet.current().version()).as("nothing saved").isEqualTo(before);

        type(timeout, "500");
        type(browser.findElement(By.id("set-comment")), "from the page");
        browser.findElement(By.id("set-save")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> targetSet.current().version() == before + 1);
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.findElement(By.id("set-version")).getText().equals(String.valueOf(before + 1))
                        && browser.findElements(By.cssSelector("#admin-form .field-error")).isEmpty());
        TargetSet.TargetSpec saved = targetSet.current().payload().target(name).orElseThrow();
        assertThat(saved.timeoutMs()).isEqualTo(500);
        assertThat(saved.failuresToDown()).isEqualTo(5);
        assertThat(saved.successesToUp()).as("left empty: the configuration's").isNull();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Сақталды");

        By restore = By.cssSelector("#set-versions tr[data-version='" + before + "'] button.restore");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(restore).isEmpty());
        browser.findElement(restore).click();
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(10)).until(() -> targetSet.current().version() == before + 2);
        assertThat(targetSet.current().restoredFrom()).isEqualTo(before);
        assertThat(targetSet.current().payload().target(name)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.findElement(By.id("set-version")).getText().equals(String.valueOf(before + 2))
                        && !browser.findElement(By.id("set-targets")).getText().contains(name)
                        && browser.findElement(By.id("set-targets")).findElements(By.cssSelector("input"))
                        .stream().noneMatch(i -> name.equals(i.getAttribute("value"))));
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }
}
