package kz.line102.callcenter.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
 * Every page, opened by every role that may open it, starts without a script error in the
 * browser's console: the pages are ES modules, so a missing export, a wrong import path or a
 * global that a module no longer sees stops a page without any other sign.
 */
@CallcenterTest
class PageScriptsTest {

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

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The page's modules ran: page.js put the role's pages in the header (or, on a public page, marked the language). */
    private void opened(String path, String marker) {
        browser.get(base() + path);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> "complete".equals(browser.executeScript(
                    "return document.readyState")) && !browser.findElements(By.cssSelector(marker)).isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError(path + " did not start\n" + Browser.dump(browser), e);
        }
    }

    @Test
    void noPageLogsAScriptErrorInAnyRole() {
        List<String> errors = new ArrayList<>();
        opened("/login", "button[data-lang][aria-pressed=true]");
        Browser.scriptErrors(browser).forEach(m -> errors.add("anonymous /login: " + m));
        for (Role role : Role.values()) {
            List<Pages.Page> pages = Pages.allowed(Set.of(role));
            if (pages.isEmpty()) {
                continue;
            }
            String user = Api.user(users, "scripts-" + role.name().toLowerCase(), role);
            browser.manage().deleteAllCookies();
            Browser.signIn(browser, port, pages.get(0).path(), user);
            for (Pages.Page page : pages) {
                opened(page.path(), "#line102-pages a");
                Browser.scriptErrors(browser).forEach(m -> errors.add(role + " " + page.path() + ": " + m));
            }
            opened("/no/such/page", "button[data-lang][aria-pressed=true]");
            // The 404 page's own status is the browser's first line; its scripts must still run clean.
            Browser.scriptErrors(browser).stream().filter(m -> !m.startsWith(base() + "/no/such/page "))
                    .forEach(m -> errors.add(role + " 404: " + m));
        }
        assertThat(errors).isEmpty();
    }
}
