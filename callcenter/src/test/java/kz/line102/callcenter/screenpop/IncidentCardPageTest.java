package kz.line102.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.operator.WorkstationService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import kz.line102.cti.CallEvent;
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

/**
 * The incident card on the console in a real Chromium: a call answered at the
 * operator's phone (its events fed into the intake stream as the bridge sends them)
 * brings its draft up prefilled; the operator fills it in, is told which field is
 * wrong, is told (not overwritten) when the card changed elsewhere, submits it until
 * the KUI number shows, and links the number's next call to it.
 */
class IncidentCardPageTest extends IntakeTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    WorkstationService workstations;
    @Autowired
    IncidentService incidents;

    private ChromeDriver browser;
    private String operator;
    private Api api;
    private String extension;
    private String caller;

    @BeforeEach
    void operatorAndSubscriber() {
        api = new Api(port);
        Api.user(users, "card-page-admin", Role.ADMIN);
        operator = Api.user(users, "card-page-operator", Role.OPERATOR);
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        extension = "5" + n;
        workstations.create("card-desk-" + n, extension, null);
        // An earlier run may have left this operator at its desk: the page starts without a workstation.
        jdbc.update("update operator_sessions set ended_at = clock_timestamp(), end_reason = 'replaced' "
                + "where ended_at is null and user_id = (select id from users where username = ?)", operator);
        caller = "+7705" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        jdbc.update("""
                insert into subscribers (number_e164, holder_name, address, lat, lon, source)
                values (?, 'Ерлан Сейітов', 'Астана, Сығанақ көшесі, 25', 51.12800, 71.43000, 'test')""", caller);
        browser = Browser.start();
    }

    /** A call from the caller rings the operator's phone and is answered; it ends when the returned step runs. */
    private Runnable answeredCall() {
        List<CallEvent> events = answered(newCall(), caller, Instant.now().truncatedTo(ChronoUnit.MILLIS), extension,
                2, 30);
        // Up to the answer: the screen-pop rings, then rings again as answered.
        events.subList(0, 5).forEach(publisher::accept);
        return () -> events.subList(5, events.size()).forEach(publisher::accept);
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private WebElement el(String id) {
        return browser.findElement(By.id(id));
    }

    private String value(String id) {
        return el(id).getAttribute("value");
    }

    private String error(String field) {
        return browser.findElement(By.cssSelector("#incident [data-error-for='" + field + "']")).getText();
    }

    private void type(String id, String text) {
        el(id).clear();
        el(id).sendKeys(text);
    }

    /** Waits for the page, with what it showed and said when it does not get there. */
    private void until(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(
                    e -> e instanceof StaleElementReferenceException || e instanceof NoSuchElementException).until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    @Test
    void theAnsweredCallsCardIsFilledInCheckedAndRegistered() {
        Browser.signIn(browser, port, "/console", operator);
        until(() -> el("ws-form").isDisplayed());
        By desk = By.cssSelector("#ws-input option[data-extension='" + extension + "']");
        until(() -> !browser.findElements(desk).isEmpty());
        browser.findElement(desk).click();
        el("ws-join").click();
        until(() -> "на связи".equals(el("socket-state").getText()));

        Runnable hangUp = answeredCall();

        // The draft the server opened on answer comes up prefilled from the caller card.
        until(() -> el("inc-form").isDisplayed() && caller.equals(value("inc-callerNumber")));
        assertThat(value("inc-callerName")).isEqualTo("Ерлан Сейітов");
        assertThat(value("inc-callerAddress")).isEqualTo("Астана, Сығанақ көшесі, 25");
        assertThat(el("inc-status").getText()).isEqualTo("(черновик)");
        UUID id = jdbc.queryForObject("select id from incidents where created_by = ? and caller_number = ? "
                + "and status = 'DRAFT' order by created_at desc limit 1", UUID.class, operator, caller);
        assertThat(incidents.get(id).calls()).hasSize(1);

        new Select(el("inc-category")).selectByValue("CRIMINAL_OFFENCE");
        // Only the types of the chosen category are offered, by their names in the page's language.
        assertThat(new Select(el("inc-typeCode")).getOptions()).extracting(WebElement::getText)
                .contains("Кража", "Разбой").doesNotContain("Мелкое хулиганство");
        new Select(el("inc-typeCode")).selectByValue("theft");
        new Select(el("inc-priority")).selectByValue("2");
        type("inc-sceneAddress", "Астана, Сығанақ көшесі, 25, подъезд 2");
        type("inc-description", "Из подъезда украли велосипед час назад");
        el("inc-person-add").click();
        WebElement person = browser.findElement(By.cssSelector("#inc-persons tbody tr"));
        new Select(person.findElement(By.cssSelector("[data-field=role]"))).selectByValue("applicant");
        person.findElement(By.cssSelector("[data-field=name]")).sendKeys("Сейітов Е.");
        person.findElement(By.cssSelector("[data-field=iin]")).sendKeys("12345");
        el("inc-vehicle-add").click();
        browser.findElement(By.cssSelector("#inc-vehicles tbody tr [data-field=plate]")).sendKeys("777 ABC 01");

        // A draft keeps what is typed, a wrong IIN too; submitting refuses it, said next to the field.
        el("inc-save").click();
        until(() -> "Карточка сохранена".equals(el("inc-message").getText()));
        assertThat(incidents.get(id).version()).isEqualTo(2);
        el("inc-submit").click();
        until(() -> !error("persons[0].iin").isEmpty());
        assertThat(error("persons[0].iin")).contains("12 digits");
        assertThat(el("inc-error").getText()).startsWith("Карточка не принята");
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.DRAFT);

        WebElement iin = browser.findElement(By.cssSelector("#inc-persons tbody tr [data-field=iin]"));
        iin.clear();
        iin.sendKeys("900101300123");
        el("inc-save").click();
        until(() -> "900101300123".equals(incidents.get(id).persons().get(0).path("iin").asString())
                && error("persons[0].iin").isEmpty());
        assertThat(el("inc-message").getText()).isEqualTo("Карточка сохранена");
        Incident saved = incidents.get(id);
        assertThat(saved.typeCode()).isEqualTo("theft");
        assertThat(saved.persons().get(0).path("iin").asString()).isEqualTo("900101300123");
        assertThat(saved.vehicles().get(0).path("plate").asString()).isEqualTo("777 ABC 01");

        // The card changes elsewhere (the same operator on another screen): the page's save is refused, not applied.
        Response elsewhere = api.json("PUT", "/api/v1/incidents/" + id, operator, """
                {"version": %d, "category": "CRIMINAL_OFFENCE", "typeCode": "theft", "priority": 3,
                 "sceneAddress": "Астана, Сығанақ көшесі, 25", "description": "Велосипед украли из подъезда"}"""
                .formatted(saved.version()));
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
        type("inc-operatorNotes", "заявитель взволнован");
        el("inc-save").click();
        until(() -> el("inc-error").getText().contains("изменили в другом месте"));
        assertThat(value("inc-description")).isEqualTo("Велосипед украли из подъезда");
        assertThat(value("inc-operatorNotes")).isEmpty();
        assertThat(incidents.get(id).operatorNotes()).isNull();

        type("inc-operatorNotes", "заявитель взволнован");
        el("inc-submit").click();
        until(() -> el("inc-kui").getText().startsWith("KUI-"));
        Incident registered = incidents.get(id);
        assertThat(registered.status()).isIn(IncidentStatus.REGISTERED, IncidentStatus.DISPATCHED);
        assertThat(el("inc-kui").getText()).isEqualTo(registered.kuiNumber());
        assertThat(el("inc-message").getText()).isEqualTo("Карточка зарегистрирована: " + registered.kuiNumber());
        assertThat(registered.operatorNotes()).isEqualTo("заявитель взволнован");
        assertThat(el("inc-save").isEnabled()).isFalse();

        hangUp.run();

        // The same number calls again about the same matter: the page offers the registered card instead.
        Runnable hangUpAgain = answeredCall();
        By link = By.cssSelector("#inc-repeat-list button.inc-link[data-incident-id='" + id + "']");
        until(() -> !browser.findElements(link).isEmpty() && browser.findElement(link).isDisplayed());
        assertThat(browser.findElement(link).getText()).isEqualTo("Привязать вызов к карточке " + registered.kuiNumber());
        UUID repeatDraft = jdbc.queryForObject("select id from incidents where created_by = ? and caller_number = ? "
                + "and status = 'DRAFT' order by created_at desc limit 1", UUID.class, operator, caller);
        browser.findElement(link).click();
        until(() -> el("inc-message").getText().equals("Вызов привязан к карточке " + registered.kuiNumber()
                + "; черновик отменён"));
        assertThat(incidents.get(id).repeatCount()).isEqualTo(1);
        assertThat(incidents.get(id).calls()).hasSize(2);
        assertThat(incidents.get(repeatDraft).status()).isEqualTo(IncidentStatus.CANCELLED);
        assertThat(el("inc-form").isDisplayed()).isFalse();
        hangUpAgain.run();
    }
}
