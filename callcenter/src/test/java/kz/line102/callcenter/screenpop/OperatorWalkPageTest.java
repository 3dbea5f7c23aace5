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
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.operator.WorkstationService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's whole walk in a real Chromium, from the sign-in page in Russian and in
 * Kazakh: sign in, take a desk chosen from the list, get a ring that sounds, notifies (the
 * page hidden) and flashes the title, fill in the card partly with the keyboard's shortcuts,
 * submit it and see its KUI number. And the console never shows the card of a call other
 * than the one on the screen-pop.
 */
class OperatorWalkPageTest extends IntakeTestSupport {

    /**
     * Before the page's first gesture: a desktop-notification stand-in that records what it
     * is asked (a headless browser has no notification centre), and a page that can be
     * "hidden" at will; plus a watch that records any moment the pop and the card show two calls.
     */
    private static final String INSTRUMENT = """
            window.__asked = 0; window.__notices = []; window.__hidden = false; window.__mismatch = [];
            class FakeNotification {
              constructor(title, options) { window.__notices.push({ title, body: options && options.body }); }
              close() {}
              static requestPermission() { window.__asked++; FakeNotification.permission = 'granted';
                return Promise.resolve('granted'); }
            }
            FakeNotification.permission = 'default';
            window.Notification = FakeNotification;
            Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.__hidden });
            const check = () => {
              const pop = document.getElementById('pop').dataset.callId;
              const form = document.getElementById('inc-form');
              const card = form.hidden ? undefined : form.dataset.callId;
              if (pop && card && pop !== card) window.__mismatch.push(pop + ' / ' + card);
            };
            new MutationObserver(check).observe(document.body, { subtree: true, attributes: true,
              attributeFilter: ['data-call-id', 'hidden'] });
            """;

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
    private String desk;
    private String extension;

    @BeforeEach
    void operatorAndDesk() {
        operator = Api.user(users, "walk-operator", Role.OPERATOR);
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        extension = "2" + n;
        desk = "walk-desk-" + n;
        workstations.create(desk, extension, null);
        jdbc.update("update operator_sessions set ended_at = clock_timestamp(), end_reason = 'replaced' "
                + "where ended_at is null and user_id = (select id from users where username = ?)", operator);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private WebElement el(String id) {
        return browser.findElement(By.id(id));
    }

    private Object js(String script) {
        return browser.executeScript(script);
    }

    private long number(String script) {
        Object v = js("return " + script);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private void until(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(
                    e -> e instanceof StaleElementReferenceException || e instanceof NoSuchElementException)
                    .until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser) + "\nATTENTION: " + js(
                    "return JSON.stringify(window.Line102Attention && window.Line102Attention.stats)"), e);
        }
    }

    /** From the sign-in page in {@code lang} to the console with the desk taken from the list. */
    private void signInAndTakeTheDesk(String lang) {
        browser.get("http://127.0.0.1:" + port + "/console");
        until(() -> browser.getCurrentUrl().contains("/login"));
        browser.findElement(By.cssSelector("button[data-lang=" + lang + "]")).click();
        browser.findElement(By.name("username")).sendKeys(operator);
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        until(() -> browser.getCurrentUrl().contains("/console"));
        until(() -> el("ws-form").isDisplayed());
        js(INSTRUMENT);
        By option = By.cssSelector("#ws-input option[value='" + desk + "']");
        until(() -> !browser.findElements(option).isEmpty());
        assertThat(browser.findElement(option).getText()).contains(extension);
        new Select(el("ws-input")).selectByValue(desk);
        el("ws-join").click();
        until(() -> el("ws-current").isDisplayed() && desk.equals(el("ws-name").getText()));
        until(() -> "online".equals(el("socket-state").getAttribute("data-t")));
    }

    /** The events of an answered call, from the caller to {@code extension}. */
    private List<CallEvent> callFrom(CallId call, String caller) {
        return answered(call, caller, Instant.now().truncatedTo(ChronoUnit.MILLIS), extension, 2, 30);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"ru", "kk"})
    void theOperatorSignsInTakesADeskGetsARingAndRegistersTheCard(String lang) {
        signInAndTakeTheDesk(lang);
        // Clicking on the page was the gesture the browser needs to ask for notifications.
        assertThat(number("window.__asked")).isEqualTo(1);
        assertThat(number("window.Line102Attention.stats.permissionRequests")).isEqualTo(1);
        String title = browser.getTitle();

        js("window.__hidden = true;");
        String caller = "+7707" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        CallId call = newCall();
        List<CallEvent> events = callFrom(call, caller);
        events.subList(0, 3).forEach(publisher::accept);

        // The ring: the tone played, a desktop notice (the page was hidden), the title flashing.
        until(() -> caller.equals(el("pop-number").getText()));
        until(() -> number("window.Line102Attention.stats.played") >= 1);
        assertThat(number("window.Line102Attention.stats.lastLevel")).isEqualTo(1);
        assertThat(number("window.__notices.length")).isEqualTo(1);
        assertThat((String) js("return window.__notices[0].title")).contains(caller);
        assertThat(js("return window.Line102Attention.stats.flashing")).isEqualTo(true);
        until(() -> browser.getTitle().startsWith("\u25CF ") && browser.getTitle().contains(caller));
        until(() -> browser.getTitle().equals(title));

        // Answered: the call for attention ends, the card of this call opens.
        js("window.__hidden = false;");
        events.subList(3, 5).forEach(publisher::accept);
        until(() -> el("inc-form").isDisplayed() && caller.equals(el("inc-callerNumber").getAttribute("value")));
        assertThat(js("return window.Line102Attention.stats.flashing")).isEqualTo(false);
        assertThat(browser.getTitle()).isEqualTo(title);
        assertThat(el("inc-form").getAttribute("data-call-id")).isEqualTo(call.value());
        UUID id = UUID.fromString(jdbc.queryForObject("select incident_id::text from incident_calls where call_id = ?::uuid",
                String.class, call.value()));

        // The shortcuts are listed in the page's language.
        el("inc-keys").click();
        assertThat(el("inc-keys").getText()).contains(lang.equals("kk") ? "Карточка пернелері" : "Клавиши карточки")
                .contains("Ctrl");

        new Select(el("inc-category")).selectByValue("CRIMINAL_OFFENCE");
        new Select(el("inc-typeCode")).selectByValue("theft");
        new Select(el("inc-priority")).selectByValue("2");
        el("inc-sceneAddress").sendKeys("Астана, Сығанақ көшесі, 25");
        // A plain letter typed in a field is text, not a shortcut.
        el("inc-description").sendKeys("Велосипед украли, свидетели есть");
        assertThat(el("inc-description").getAttribute("value")).endsWith("свидетели есть");
        assertThat(incidents.get(id).version()).isEqualTo(1);
        // Ctrl+S saves from inside the field.
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("s").keyUp(Keys.CONTROL).perform();
        until(() -> incidents.get(id).version() == 2);
        assertThat(incidents.get(id).description()).isEqualTo("Велосипед украли, свидетели есть");
        // Alt+N: the next group of fields (the scene after "what happened").
        new Actions(browser).keyDown(Keys.ALT).sendKeys("n").keyUp(Keys.ALT).perform();
        until(() -> "inc-sceneAddress".equals(js("return document.activeElement.id")));

        // Ctrl+Enter submits; the KUI number shows.
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        until(() -> el("inc-kui").getText().startsWith("KUI-"));
        assertThat(el("inc-kui").getText()).isEqualTo(incidents.get(id).kuiNumber());
        assertThat(incidents.get(id).status()).isIn(IncidentStatus.REGISTERED, IncidentStatus.DISPATCHED);
        assertThat(el("inc-message").getText()).startsWith(lang.equals("kk") ? "Карточка тіркелді" : "Карточка зарегистрирована");
        events.subList(5, events.size()).forEach(publisher::accept);
        assertThat((List<?>) js("return window.__mismatch")).isEmpty();
    }

    @Test
    void theConsoleNeverShowsTheCardOfACallOtherThanTheOnePopped() {
        signInAndTakeTheDesk("ru");
        String first = "+7707" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        CallId a = newCall();
        List<CallEvent> callA = callFrom(a, first);
        callA.subList(0, 5).forEach(publisher::accept);
        until(() -> el("inc-form").isDisplayed() && a.value().equals(el("inc-form").getAttribute("data-call-id")));
        UUID cardA = UUID.fromString(jdbc.queryForObject("select incident_id::text from incident_calls "
                + "where call_id = ?::uuid", String.class, a.value()));
        el("inc-description").sendKeys("начали записывать");

        // Another call rings this phone while the first card is open and typed into.
        String second = "+7708" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        CallId b = newCall();
        List<CallEvent> callB = callFrom(b, second);
        callB.subList(0, 3).forEach(publisher::accept);
        until(() -> second.equals(el("pop-number").getText()));
        // The first card is put aside, what was typed saved (a draft keeps whatever is filled).
        until(() -> !el("inc-form").isDisplayed());
        until(() -> "начали записывать".equals(incidents.get(cardA).description()));
        assertThat(incidents.get(cardA).status()).isEqualTo(IncidentStatus.DRAFT);

        callB.subList(3, 5).forEach(publisher::accept);
        until(() -> el("inc-form").isDisplayed() && b.value().equals(el("inc-form").getAttribute("data-call-id")));
        assertThat(el("pop").getAttribute("data-call-id")).isEqualTo(b.value());
        assertThat(el("inc-callerNumber").getAttribute("value")).isEqualTo(second);

        // The first call's draft, chosen from the list while the second call is on, is not shown.
        until(() -> !browser.findElements(By.cssSelector("#inc-drafts option[value='" + cardA + "']")).isEmpty());
        new Select(el("inc-drafts")).selectByValue(cardA.toString());
        el("inc-resume").click();
        until(() -> el("inc-message").getText().startsWith("Эта карточка относится к другому вызову"));
        assertThat(el("inc-form").getAttribute("data-call-id")).isEqualTo(b.value());

        // Both calls end: with nothing on the pop, the first draft may be taken up again.
        callA.subList(5, callA.size()).forEach(publisher::accept);
        callB.subList(5, callB.size()).forEach(publisher::accept);
        until(() -> el("pop").getAttribute("data-call-id") == null);
        new Select(el("inc-drafts")).selectByValue(cardA.toString());
        el("inc-resume").click();
        until(() -> a.value().equals(el("inc-form").getAttribute("data-call-id")));
        assertThat(el("inc-description").getAttribute("value")).isEqualTo("начали записывать");
        assertThat((List<?>) js("return window.__mismatch")).isEmpty();
    }
}
