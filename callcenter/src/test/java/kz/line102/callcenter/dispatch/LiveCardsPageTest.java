package kz.line102.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The live cards on the duty officer's screen in a real Chromium: a registered card
 * appears with its number, type and state, opens with its timeline, gets a unit sent
 * and checked in on scene, and is worked off and closed from there.
 */
@CallcenterTest
class LiveCardsPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DutySheetService sheet;

    private ChromeDriver browser;
    private Api api;
    private String operator;
    private String duty;

    @BeforeEach
    void start() {
        api = new Api(port);
        Api.user(users, "cards-admin", Role.ADMIN);
        operator = Api.user(users, "cards-operator", Role.OPERATOR);
        duty = Api.user(users, "cards-duty", Role.SUPERVISOR);
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
                {"version": 1, "category": "CRIMINAL_OFFENCE", "typeCode": "robbery", "priority": 1,
                 "sceneAddress": "Астана, проспект Абая, 10", "description": "Отобрали телефон у остановки",
                 "persons": [{"role": "victim", "name": "Нұрлан Б."}]}""").status()).isEqualTo(200);
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

    /** Waits until the element shows every part (rows are rebuilt when their card changes). */
    private void shows(By by, String... parts) {
        until(() -> {
            String text = browser.findElement(by).getText();
            for (String part : parts) {
                if (!text.contains(part)) {
                    return false;
                }
            }
            return true;
        });
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

    private By row(String id) {
        return By.cssSelector("#cards-table tr[data-incident-id='" + id + "']");
    }

    private String status(String id) {
        return api.get("/api/v1/incidents/" + id, duty).json().path("status").asString();
    }

    @Test
    void aRegisteredCardIsListedOpenedGetsAUnitAndIsWorkedOffAndClosed() {
        Browser.signIn(browser, port, "/supervisor", duty);
        JsonNode card = registeredCard();
        String id = card.path("id").asString();
        String kui = card.path("kuiNumber").asString();

        // Listed at the next refresh without reloading the page.
        shows(row(id), kui, "Разбой", "1 — угроза жизни", "Астана, проспект Абая, 10", "зарегистрирована");

        // A register entry linked to the card in the watch's journals is shown on the card, a link to it.
        JsonNode telegram = api.json("POST", "/api/v1/watch/journals/telegrams-in/entries", duty,
                "{\"text\":\"Телеграмма о разбое на Абая 10\"}").json();
        assertThat(api.json("POST", "/api/v1/watch/entries/" + telegram.path("id").asLong() + "/incidents", duty,
                "{\"kui\":\"" + kui + "\"}").status()).isEqualTo(200);

        click(By.cssSelector("#cards-table tr[data-incident-id='" + id + "'] button.card-open"));
        until(() -> el("card-detail").isDisplayed() && id.equals(el("card-detail").getAttribute("data-incident-id")));
        By linked = By.cssSelector("#card-watch-list li.watch-entry[data-entry-id='" + telegram.path("id").asLong() + "']");
        shows(linked, "Журнал регистрации входящих телеграмм", "№ " + telegram.path("number").asInt() + "/"
                + telegram.path("year").asInt());
        assertThat(browser.findElement(linked).findElement(By.tagName("a")).getAttribute("href"))
                .contains("/watch/?journal=telegrams-in&year=" + telegram.path("year").asInt() + "&number="
                        + telegram.path("number").asInt());
        assertThat(el("card-kui").getText()).isEqualTo(kui);
        assertThat(el("card-fields").getText()).contains("Отобрали телефон у остановки", operator);
        assertThat(el("card-persons").getText()).contains("Нұрлан Б.");
        until(() -> el("card-timeline").findElements(By.tagName("li")).size() == 3);
        shows(By.cssSelector("#card-timeline li[data-to=REGISTERED]"), "зарегистрирована", "system:registration");

        // A unit is sent (the card is dispatched) and checks in on scene (the card follows).
        Unit unit = sheet.register("ПА-" + UUID.randomUUID().toString().substring(0, 6), "patrol", "cards-admin");
        sheet.startDuty(unit.id(), List.of("с-т Омаров"), null, "cards-admin");
        until(() -> new Select(el("card-send-unit")).getOptions().stream()
                .anyMatch(o -> o.getAttribute("value").equals(String.valueOf(unit.id()))));
        new Select(el("card-send-unit")).selectByValue(String.valueOf(unit.id()));
        el("card-send-submit").click();
        By unitRow = By.cssSelector("#card-units-table tr[data-unit-id='" + unit.id() + "']");
        shows(unitRow, unit.callSign(), duty);
        shows(By.cssSelector("#card-timeline li[data-to=DISPATCHED]"), "наряд направлен");
        assertThat(status(id)).isEqualTo("DISPATCHED");
        click(By.cssSelector("#card-units-table tr[data-unit-id='" + unit.id() + "'] button.unit-arrived"));
        until(() -> "ARRIVED".equals(status(id)));
        until(() -> browser.findElement(unitRow).findElements(By.cssSelector("button.unit-arrived")).isEmpty());
        assertThat(sheet.get(unit.id()).status().code()).isEqualTo("on-scene");

        // Worked off needs its result: said next to the field, nothing sent.
        el("card-work-off-submit").click();
        assertThat(el("card-result-error").getText()).isEqualTo("Укажите, что сделано");
        assertThat(status(id)).isEqualTo("ARRIVED");
        el("card-result").sendKeys("Задержан подозреваемый, телефон возвращён");
        el("card-work-off-submit").click();
        shows(By.cssSelector("#card-timeline li[data-to=WORKED_OFF]"), duty, "Задержан подозреваемый, телефон возвращён");
        assertThat(status(id)).isEqualTo("WORKED_OFF");
        shows(row(id), "отработана");
        // Working the card off freed its unit.
        assertThat(sheet.get(unit.id()).status().code()).isEqualTo("available");

        until(() -> el("card-close").isDisplayed());
        el("card-close").click();
        until(() -> "CLOSED".equals(status(id)));
        until(() -> browser.findElements(row(id)).isEmpty());
        assertThat(el("card-status").getText()).isEqualTo("(закрыта)");
        assertThat(el("card-close").isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        assertThat(el("cards-title").getText()).startsWith("Жұмыстағы карточкалар");
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }
}
