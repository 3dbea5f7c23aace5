package kz.line102.callcenter.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shell in a real Chromium: the sign-in page in Kazakh and Russian, each role's landing
 * page, the header with only the pages a role may open, a server error shown in Kazakh and
 * shown again in Russian after the switch, and the 404 and 403 pages in the chosen language.
 */
@CallcenterTest
class ShellPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    kz.line102.callcenter.operator.WorkstationService workstations;

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

    private void lang(String lang) {
        By button = By.cssSelector("button[data-lang=" + lang + "]");
        // The shell marks the buttons once it listens to them; a click before that is lost.
        until(() -> browser.findElement(button).getAttribute("aria-pressed") != null);
        browser.findElement(button).click();
        until(() -> "true".equals(browser.findElement(button).getAttribute("aria-pressed")));
    }

    private void signInHere(String user, String password) {
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void theSignInPageSpeaksKazakhAndRussianAndSaysWhyASignInFailed() {
        String operator = Api.user(users, "shell-operator", Role.OPERATOR);
        browser.get(base() + "/login");
        // The browser asks for Russian (Browser.start): the page is Russian before any script runs.
        assertThat(text("h1")).isEqualTo("Линия 102 — вход");
        lang("kk");
        until(() -> text("h1").equals("102 желісі — кіру"));
        assertThat(text("label[for=password]")).isEqualTo("Құпиясөз");

        signInHere(operator, "wrong-password");
        until(() -> browser.getCurrentUrl().endsWith("/login?error"));
        until(() -> text("#login-message").equals("Пайдаланушы аты немесе құпиясөз қате"));
        lang("ru");
        until(() -> text("#login-message").equals("Неверное имя пользователя или пароль"));
        assertThat(text("h1")).isEqualTo("Линия 102 — вход");

        // The language chosen on the sign-in page is the one the desk opens in.
        lang("kk");
        signInHere(operator, Api.PASSWORD);
        until(() -> browser.getCurrentUrl().contains("/console"));
        until(() -> text("#ws-join").equals("Жұмыс орнын алу"));
        // Every page says in whose clock its times are: the centre's, whatever the browser's zone.
        until(() -> text("#line102-zone").equals("Сағаттық белдеу: Asia/Almaty"));
    }

    @Test
    void eachRoleLandsOnItsOwnPageAndTheHeaderListsOnlyItsPages() {
        record Case(String user, Role role, String landing, List<String> pages) {
        }
        List<Case> cases = List.of(
                new Case("shell-land-operator", Role.OPERATOR, "/console", List.of("/console", "/certification/mine")),
                new Case("shell-land-duty", Role.SUPERVISOR, "/supervisor",
                        List.of("/supervisor", "/reports", "/wallboard", "/stats", "/line-health", "/watch", "/certification",
                                "/certification/mine")),
                new Case("shell-land-auditor", Role.AUDITOR, "/archive", List.of("/certification/mine", "/archive")),
                new Case("shell-land-personnel", Role.PERSONNEL, "/certification",
                        List.of("/certification", "/certification/mine")),
                new Case("shell-land-admin", Role.ADMIN, "/admin",
                        List.of("/wallboard", "/stats", "/line-health", "/certification/mine", "/admin", "/routing", "/admin/users",
                                "/admin/workstations", "/admin/units", "/admin/registry", "/admin/dead-letters",
                                "/admin/preflight")));
        for (Case c : cases) {
            Api.user(users, c.user(), c.role());
            browser.manage().deleteAllCookies();
            browser.get(base() + "/");
            signInHere(c.user(), Api.PASSWORD);
            until(() -> browser.getCurrentUrl().endsWith(c.landing()));
            until(() -> !browser.findElements(By.cssSelector("#line102-pages a")).isEmpty());
            List<String> links = browser.findElements(By.cssSelector("#line102-pages a")).stream()
                    .map(a -> a.getAttribute("href").substring(base().length())).toList();
            assertThat(links).as(c.role() + " header").containsExactlyElementsOf(c.pages());
        }
        // The admin home lists the admin's pages by name.
        until(() -> browser.findElements(By.cssSelector("#admin-pages a")).size() == 11);
        assertThat(browser.findElements(By.cssSelector("#admin-pages a")).stream().map(WebElement::getText).toList())
                .contains("Маршрутизация", "Неотправленные задания", "Пользователи", "Реестр абонентов");
    }

    @Test
    void aServerErrorShowsInKazakhAndAgainInRussianAfterTheSwitch() {
        String operator = Api.user(users, "shell-ws-operator", Role.OPERATOR);
        String other = Api.user(users, "shell-ws-other", Role.OPERATOR);
        String desk = "shell-desk-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999);
        workstations.create(desk, "8" + desk.substring(desk.length() - 6), null);
        Browser.signIn(browser, port, "/console", operator);
        until(() -> browser.findElement(By.id("ws-form")).isDisplayed());
        lang("kk");
        until(() -> !browser.findElements(By.cssSelector("#ws-input option[value='" + desk + "']")).isEmpty());
        // Someone else takes the desk after the list was shown: the server's refusal is in the page's language.
        assertThat(new Api(port).json("POST", "/api/v1/operators/me/session", other,
                "{\"workstation\":\"" + desk + "\"}").status()).isEqualTo(201);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("ws-input"))).selectByValue(desk);
        browser.findElement(By.id("ws-join")).click();
        until(() -> text("#ws-error").equals("Жұмыс орнын басқа оператор алған."));
        lang("ru");
        until(() -> text("#ws-error").equals("Рабочее место занято другим оператором."));
        lang("en");
        until(() -> text("#ws-error").equals("Another operator is at this workstation."));
        new Api(port).json("DELETE", "/api/v1/operators/me/session", other, null);
    }

    @Test
    void theNotFoundAndForbiddenPagesAreInTheUsersLanguage() {
        String operator = Api.user(users, "shell-lost-operator", Role.OPERATOR);
        Browser.signIn(browser, port, "/console", operator);
        until(() -> browser.findElement(By.id("ws-form")).isDisplayed());
        lang("kk");

        browser.get(base() + "/no/such/page");
        until(() -> text("#error-title").equals("Бет табылмады"));
        lang("ru");
        until(() -> text("#error-title").equals("Страница не найдена"));

        lang("kk");
        browser.get(base() + "/archive");
        until(() -> text("#error-title").equals("Қол жеткізу жоқ"));
        assertThat(browser.getPageSource()).doesNotContain("\"code\"", "Whitelabel");
        lang("en");
        until(() -> text("#error-title").equals("No access"));
        browser.findElement(By.id("error-home")).click();
        until(() -> browser.getCurrentUrl().contains("/console"));
    }
}
