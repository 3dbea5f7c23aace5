package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import kz.line102.cti.sip.SipPeer;
import kz.line102.cti.sip.Transport;
import kz.line102.cti.testing.Sipp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The line-health page in a real Chromium: a target's state, a test call run from the page, three languages. */
@CallcenterTest
class LineHealthPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TestCallService testCalls;

    private ChromeDriver browser;
    private Api api;
    private Long target;

    @BeforeEach
    void start() {
        api = new Api(port);
        Api.user(users, "lh-page-admin", Role.ADMIN);
        Api.user(users, "lh-page-duty", Role.SUPERVISOR);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
        testCalls.plan(null);
        if (target != null) {
            api.json("DELETE", "/api/v1/line-health/targets/" + target, "lh-page-admin", null);
        }
    }

    @Test
    void itStaffSeeATargetUpAndRunATestCallFromThePage() throws Exception {
        try (Sipp peer = Sipp.uas("options-200.xml", "u1"); Sipp echo = Sipp.uas("invite-echo.xml", "u1", "-rtp_echo")) {
            String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
            target = api.json("POST", "/api/v1/line-health/targets", "lh-page-admin", """
                    {"name":"%s","host":"127.0.0.1","port":%d,"transport":"udp","intervalMs":200,"timeoutMs":150}
                    """.formatted(name, peer.port())).json().get("id").asLong();
            testCalls.plan(new TestCallPlan(new SipPeer("127.0.0.1", echo.port(), Transport.UDP, "102999"),
                    "lhpage" + System.nanoTime(), Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofMillis(700),
                    5.0, Duration.ofMillis(200), false));
            Browser.signIn(browser, port, "/line-health", "lh-page-admin");
            By row = By.cssSelector("tr[data-target-id='" + target + "']");
            try {
                // The page refreshes every 5 s, and in a full run another cached context may hold
                // the target's probing lease first: allow several refreshes.
                await().atMost(Duration.ofSeconds(45)).until(() -> !browser.findElements(row).isEmpty()
                        && browser.findElement(row).getText().contains("работает"));
            } catch (RuntimeException e) {
                throw new AssertionError(Browser.dump(browser), e);
            }
            assertThat(browser.findElement(row).getText()).contains(name, "127.0.0.1:" + peer.port());

            browser.findElement(By.id("run-test-call")).click();
            By newest = By.cssSelector("#test-calls tbody tr:first-child");
            // The table is drawn again on each refresh, and has no row until the first test call is listed:
            // a row read while it is replaced, or before it is there, is read again.
            // (One predicate for both: a second ignoreException would replace the first.)
            await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(e -> e instanceof StaleElementReferenceException
                            || e instanceof org.openqa.selenium.NoSuchElementException)
                    .until(() -> {
                        String text = browser.findElement(newest).getText();
                        return text.contains("lh-page-admin") && text.contains("успешно")
                                && text.contains("20/20") && text.contains("PCMU/8000") && text.contains("bye");
                    });

            browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
            assertThat(browser.findElement(By.id("run-test-call")).getText()).isEqualTo("Қазір бақылау қоңырауын жасау");
            browser.findElement(By.cssSelector("button[data-lang=en]")).click();
            assertThat(browser.findElement(By.id("run-test-call")).getText()).isEqualTo("Run a test call now");
            assertThat(browser.findElement(row).getText()).contains("up");
            browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
        }
    }

    @Test
    void aSupervisorWatchesButCannotChangeOrCall() {
        Browser.signIn(browser, port, "/line-health", "lh-page-duty");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("who")).getText()
                .equals("lh-page-duty"));
        assertThat(browser.findElement(By.id("run-test-call")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("admin-form")).isDisplayed()).isFalse();
    }
}
