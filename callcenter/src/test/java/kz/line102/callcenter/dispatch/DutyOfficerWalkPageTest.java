package kz.line102.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The duty officer's whole job from the sign-in page, in Russian and in Kazakh: a unit
 * sent to a registered card, its arrival, the card worked off and closed (then nothing is
 * offered for it any more, and the server refuses in the officer's language), the duty
 * sheet naming the card by its KUI number, and an alert acknowledged with a comment and
 * found again among the acknowledged ones.
 */
@CallcenterTest
class DutyOfficerWalkPageTest {

    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "ru", Map.of("title", "Карточки в работе", "closed", "(закрыта)", "worked", "отработана",
                    "refused", "Карточка закрыта и больше не изменяется.", "zone", "Asia/Almaty"),
            "kk", Map.of("title", "Жұмыстағы карточкалар", "closed", "(жабылды)", "worked", "пысықталды",
                    "refused", "Карточка жабылған, енді өзгертілмейді.", "zone", "Asia/Almaty"));

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DutySheetService sheet;
    @Autowired
    AlertService alerts;

    private ChromeDriver browser;
    private Api api;
    private String operator;
    private String duty;

    @BeforeEach
    void start() {
        api = new Api(port);
        Api.user(users, "walk-admin", Role.ADMIN);
        operator = Api.user(users, "walk-operator", Role.OPERATOR);
        duty = Api.user(users, "walk-duty", Role.SUPERVISOR);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private JsonNode registeredCard() {
        Response opened = api.json("POST", "/api/v1/incidents", operator, "{}");
        String id = opened.json().path("incident").path("id").asString();
        assertThat(api.json("PUT", "/api/v1/incidents/" + id, operator, """
                {"version": 1, "category": "CRIMINAL_OFFENCE", "typeCode": "theft", "priority": 2,
                 "sceneAddress": "Астана, көшесі Кенесары, 40", "description": "Велосипед ұрланды"}""").status())
                .isEqualTo(200);
        assertThat(api.json("POST", "/api/v1/incidents/" + id + "/submit", operator, "{}").status()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/incidents/" + id, operator).json(),
                c -> !c.path("kuiNumber").isMissingNode() && !c.path("kuiNumber").isNull());
    }

    private void until(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(15)).ignoreExceptionsMatching(
                    e -> e instanceof StaleElementReferenceException || e instanceof NoSuchElementException).until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    private void click(By by) {
        until(() -> {
            browser.findElement(by).click();
            return true;
        });
    }

    private WebElement el(String id) {
        return browser.findElement(By.id(id));
    }

    private String status(String id) {
        return api.get("/api/v1/incidents/" + id, duty).json().path("status").asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "kk"})
    void theDutyOfficerWorksACardToTheEndAndAcknowledgesAnAlertWithAComment(String lang) {
        Map<String, String> words = WORDS.get(lang);
        browser.get("http://127.0.0.1:" + port + "/login");
        // The sign-in page's script may not be listening yet: choose until the page says it is chosen.
        until(() -> {
            browser.findElement(By.cssSelector("button[data-lang=" + lang + "]")).click();
            return "true".equals(browser.findElement(By.cssSelector("button[data-lang=" + lang + "]"))
                    .getAttribute("aria-pressed"));
        });
        browser.findElement(By.name("username")).sendKeys(duty);
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        until(() -> browser.getCurrentUrl().endsWith("/supervisor"));
        until(() -> el("cards-title").getText().startsWith(words.get("title")));
        until(() -> el("zone-label").getText().contains(words.get("zone")));

        JsonNode card = registeredCard();
        String id = card.path("id").asString();
        String kui = card.path("kuiNumber").asString();
        Unit unit = sheet.register("ПА-" + UUID.randomUUID().toString().substring(0, 6), "patrol", "walk-admin");
        sheet.startDuty(unit.id(), List.of("с-т Жұмабаев"), null, "walk-admin");

        click(By.cssSelector("#cards-table tr[data-incident-id='" + id + "'] button.card-open"));
        until(() -> id.equals(el("card-detail").getAttribute("data-incident-id")));
        until(() -> new Select(el("card-send-unit")).getOptions().stream()
                .anyMatch(o -> o.getAttribute("value").equals(String.valueOf(unit.id()))));
        new Select(el("card-send-unit")).selectByValue(String.valueOf(unit.id()));
        el("card-send-submit").click();
        until(() -> "DISPATCHED".equals(status(id)));

        // The duty sheet names the card the unit is on by its KUI number, never its id.
        By sheetRow = By.cssSelector("#units-table tr[data-unit-id='" + unit.id() + "']");
        until(() -> browser.findElement(sheetRow).getText().contains(kui));
        assertThat(browser.findElement(sheetRow).getText()).doesNotContain(id);

        click(By.cssSelector("#card-units-table tr[data-unit-id='" + unit.id() + "'] button.unit-arrived"));
        until(() -> "ARRIVED".equals(status(id)));

        until(() -> el("card-work-off").isDisplayed());
        el("card-result").sendKeys("Велосипед иесіне қайтарылды");
        el("card-work-off-submit").click();
        until(() -> "WORKED_OFF".equals(status(id)));
        until(() -> el("card-status").getText().contains(words.get("worked")));
        // Worked off: nothing more to send, nothing to work off; only closing is left.
        assertThat(el("card-send").isDisplayed()).isFalse();
        assertThat(el("card-work-off").isDisplayed()).isFalse();
        until(() -> el("card-close").isDisplayed());
        el("card-close").click();
        until(() -> "CLOSED".equals(status(id)));
        until(() -> el("card-status").getText().equals(words.get("closed")));

        // Closed: no action of any kind is offered for the card or its units.
        assertThat(el("card-send").isDisplayed()).isFalse();
        assertThat(el("card-work-off").isDisplayed()).isFalse();
        assertThat(el("card-close").isDisplayed()).isFalse();
        assertThat(el("card-detail").findElements(By.cssSelector("button.unit-arrived, button.unit-release")))
                .isEmpty();
        // And asked anyway, the server says no in the officer's language.
        Response refused = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/incidents/" + id
                        + "/work-off"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (duty + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept-Language", lang)
                .POST(HttpRequest.BodyPublishers.ofString("{\"result\":\"ещё раз\"}")).build());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("incident-closed");
        assertThat(refused.json().path("detail").asString()).isEqualTo(words.get("refused"));
        assertThat(api.json("POST", "/api/v1/incidents/" + id + "/units", duty, "{\"unitId\":" + unit.id() + "}")
                .code()).isEqualTo("incident-closed");

        // An alert about the card: named by its number, acknowledged with a comment, found again.
        Alert alert = alerts.raise(new AlertRequest("walk:" + UUID.randomUUID(), "unit-late", Severity.WARNING,
                "Наряд " + unit.callSign() + " не прибыл к сроку", Map.of("kuiNumber", kui), UUID.fromString(id),
                "system"));
        By openAlert = By.cssSelector("#alerts-list li[data-alert-id='" + alert.id() + "']");
        until(() -> browser.findElement(openAlert).getText().contains(kui));
        String comment = "Связался с нарядом " + UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(openAlert).findElement(By.cssSelector("input.ack-comment")).sendKeys(comment);
        browser.findElement(openAlert).findElement(By.cssSelector("button.ack")).click();
        until(() -> browser.findElements(openAlert).isEmpty());
        By ackedRow = By.cssSelector("#acked-table tr[data-alert-id='" + alert.id() + "']");
        until(() -> browser.findElement(ackedRow).getText().contains(comment));
        assertThat(browser.findElement(ackedRow).getText()).contains(kui, duty);

        el("acked-text").sendKeys(comment.substring(comment.length() - 8));
        new Select(el("acked-kind")).selectByValue("unit-late");
        el("acked-submit").click();
        until(() -> browser.findElements(By.cssSelector("#acked-table tbody tr")).size() == 1
                && !browser.findElements(ackedRow).isEmpty());
        el("acked-text").clear();
        el("acked-text").sendKeys("нет такого текста " + UUID.randomUUID());
        el("acked-submit").click();
        until(() -> el("acked-none").isDisplayed() && !el("acked-table").isDisplayed());
    }
}
