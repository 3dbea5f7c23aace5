package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Four eyes on the auditor role from the users page in a real Chromium: one administrator
 * proposes it and cannot approve it himself (told why, in Russian); a second administrator
 * sees the proposal waiting and approves it, and only then the user is an auditor; taking the
 * role away again is an ordinary change.
 */
@CallcenterTest
class FourEyesPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    RoleGrants grants;

    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private void until(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String grantRow(String user) {
        return "#grants tr[data-user='" + user + "']";
    }

    @Test
    void oneAdministratorProposesTheAuditorRoleAndOnlyAnotherOneGrantsIt() {
        String first = Api.user(users, "four-eyes-page-first", Role.ADMIN);
        String second = Api.user(users, "four-eyes-page-second", Role.ADMIN);
        String target = Api.user(users, "four-eyes-target-" + ThreadLocalRandom.current().nextInt(100_000, 999_999),
                Role.OPERATOR);

        Browser.signIn(browser, port, "/admin/users", first);
        until(() -> !browser.findElements(By.cssSelector("#users tr[data-user='" + target + "']")).isEmpty());
        browser.findElement(By.cssSelector("#users tr[data-user='" + target + "'] button.edit")).click();
        until(() -> browser.findElement(By.id("edit")).isDisplayed());
        // The role boxes offer no auditor: that role is only proposed.
        assertThat(browser.findElements(By.id("edit-role-auditor"))).isEmpty();
        browser.findElement(By.id("propose-reason")).sendKeys("Приказ № 17 от 01.12.2026");
        browser.findElement(By.id("propose")).click();
        until(() -> !browser.findElements(By.cssSelector(grantRow(target))).isEmpty());
        assertThat(text("#notice")).startsWith("Предложение отправлено: " + target);
        assertThat(text(grantRow(target))).contains("Аудитор", first, "Приказ № 17 от 01.12.2026");

        // The proposer's own approval is refused, in words, and grants nothing.
        browser.findElement(By.cssSelector(grantRow(target) + " button.approve")).click();
        until(() -> text("#error").equals(
                "Выдачу роли подтверждает администратор, который не предлагал её и не получает её."));
        assertThat(users.get(target).roles()).doesNotContain(Role.AUDITOR);

        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "/admin/users", second);
        until(() -> !browser.findElements(By.cssSelector(grantRow(target))).isEmpty());
        browser.findElement(By.cssSelector(grantRow(target) + " button.approve")).click();
        until(() -> browser.findElements(By.cssSelector(grantRow(target))).isEmpty());
        assertThat(text("#notice")).isEqualTo("Роль выдана: " + target);
        assertThat(users.get(target).roles()).contains(Role.AUDITOR, Role.OPERATOR);
        until(() -> text("#users tr[data-user='" + target + "'] td.roles").contains("Аудитор"));
        assertThat(grants.waiting()).noneMatch(g -> g.username().equals(target));

        // Taking the role away needs no second pair of eyes: the box is there for an auditor only.
        browser.findElement(By.cssSelector("#users tr[data-user='" + target + "'] button.edit")).click();
        until(() -> browser.findElement(By.id("edit-role-auditor")).isSelected());
        browser.findElement(By.id("edit-role-auditor")).click();
        browser.findElement(By.id("edit-save")).click();
        until(() -> !users.get(target).roles().contains(Role.AUDITOR));
        assertThat(users.get(target).roles()).containsExactly(Role.OPERATOR);
        until(() -> text("#notice").equals("Изменения сохранены: " + target));
    }
}
