package kz.line102.callcenter.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
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

/**
 * A shared desk in a real Chromium: one operator switches to Kazakh and signs out; the next
 * operator signs in on the same browser and works in Russian, their own; the first signs in
 * again and is back in Kazakh.
 */
@CallcenterTest
class UserLanguagePageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void until(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    private void signIn(String user) {
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        until(() -> browser.getCurrentUrl().endsWith("/console"));
        // The console has loaded the session (the header's user) before anything is read off it.
        until(() -> text("#who").equals(user));
    }

    private void signOut() {
        browser.findElement(By.cssSelector("#logout-form button[type=submit]")).click();
        until(() -> browser.getCurrentUrl().contains("/login"));
    }

    @Test
    void onASharedDeskEachOperatorWorksInTheirOwnLanguage() {
        String first = Api.user(users, "desk-lang-first", Role.OPERATOR);
        String second = Api.user(users, "desk-lang-second", Role.OPERATOR);
        // The second operator chose Russian on some earlier shift.
        users.chooseLanguage(second, "ru");

        signIn(first);
        until(() -> text("#ws-join").equals("Занять рабочее место"));
        By kazakh = By.cssSelector("button[data-lang=kk]");
        until(() -> browser.findElement(kazakh).getAttribute("aria-pressed") != null);
        browser.findElement(kazakh).click();
        until(() -> text("#ws-join").equals("Жұмыс орнын алу"));
        until(() -> users.language(first).equals(Optional.of("kk")));
        signOut();
        // The sign-in page keeps the browser's last language: the desk's, until someone signs in.
        until(() -> text("h1").equals("102 желісі — кіру"));

        signIn(second);
        until(() -> text("#ws-join").equals("Занять рабочее место"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ru");
        assertThat(users.language(first)).contains("kk");
        signOut();

        signIn(first);
        until(() -> text("#ws-join").equals("Жұмыс орнын алу"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("kk");
    }
}
