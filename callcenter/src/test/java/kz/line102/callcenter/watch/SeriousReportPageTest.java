package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.incident.Cards;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watch page's acts in a real Chromium: a commission act drawn up in Russian and completed
 * by the incoming chief's signature in Kazakh, who thereby becomes the chief; then the duty
 * officer drafts a serious-event report from a card in Russian and the chief signs it in Kazakh.
 */
@CallcenterTest
class SeriousReportPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IncidentService incidents;
    @Autowired
    CommissionService commission;
    @Autowired
    WatchProperties props;

    private ChromeDriver browser;
    private String duty;
    private String chief;

    @BeforeEach
    void start() {
        String tag = Long.toString(System.nanoTime(), 36);
        Api.user(users, "page-admin", Role.ADMIN);
        duty = Api.user(users, "page-sr-duty", Role.SUPERVISOR);
        chief = Api.user(users, "page-sr-chief-" + tag, Role.SUPERVISOR);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private void until(java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void type(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private WebElement actRow(long id) {
        return browser.findElement(By.cssSelector("#acts tbody tr[data-act-id='" + id + "']"));
    }

    @Test
    void aCommissionActAndASeriousEventReportFromACardInRussianAndKazakh() {
        String outgoing = "page-sr-old-" + System.nanoTime();
        List<String> members = List.of("page-sr-m1", "page-sr-m2", "page-sr-m3");
        String serial = "С-" + System.nanoTime();

        // The act, drawn up in Russian.
        Browser.signIn(browser, port, "/watch", duty);
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
        until(() -> text("commission-title").equals("Приём-передача центра комиссией (смена начальника)"));
        type("act-outgoing", outgoing);
        type("act-incoming", chief);
        type("act-members", String.join(", ", members));
        WebElement item = browser.findElement(By.cssSelector("#act-items tbody tr"));
        new Select(item.findElement(By.className("act-item-kind"))).selectByValue("PROPERTY");
        item.findElement(By.className("act-item-title")).sendKeys("Сейф");
        item.findElement(By.className("act-item-serial")).sendKeys(serial);
        browser.findElement(By.id("act-draw")).click();
        until(() -> jdbc.queryForObject("select count(*) from watch_commission_acts where incoming_chief = ?",
                Integer.class, chief) == 1);
        long act = jdbc.queryForObject("select id from watch_commission_acts where incoming_chief = ?", Long.class, chief);
        until(() -> !browser.findElements(By.cssSelector("#acts tbody tr[data-act-id='" + act + "']")).isEmpty());
        assertThat(actRow(act).getText()).contains(outgoing, chief);
        // A commission of two is refused with its reason.
        type("act-outgoing", outgoing);
        type("act-incoming", chief);
        type("act-members", "page-sr-m1, page-sr-m2");
        browser.findElement(By.cssSelector("#act-items tbody tr .act-item-title")).sendKeys("Журнал");
        browser.findElement(By.id("act-draw")).click();
        until(() -> text("error").equals("В комиссии должно быть не менее трёх человек."));

        commission.sign(act, outgoing);
        members.forEach(m -> commission.sign(act, m));

        // The incoming chief signs the act in Kazakh and so becomes the chief.
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "/watch", chief);
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        until(() -> text("commission-title").equals("Орталықты комиссиямен қабылдау-тапсыру (бастық ауысқанда)"));
        until(() -> !actRow(act).findElements(By.className("act-sign")).isEmpty());
        actRow(act).findElement(By.className("act-sign")).click();
        until(() -> actRow(act).getText().contains("Актіге барлығы қол қойды"));
        assertThat(actRow(act).getText()).contains("қабылдады (қабылдаушы бастық)");
        assertThat(actRow(act).findElement(By.className("act-pdf")).getAttribute("href"))
                .endsWith("/api/v1/watch/commission/acts/" + act + ".pdf?lang=kk");

        // The duty officer drafts a report from a card, in Russian.
        UUID id = Cards.draft(incidents, "page-sr-op", "CRIMINAL_OFFENCE", "robbery", "Астана, пр. Республики 5");
        Incident card = Cards.registerHere(incidents, jdbc, id);
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "/watch", duty);
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
        until(() -> text("serious-title").equals("Донесения о чрезвычайных происшествиях"));
        type("serious-kui", card.kuiNumber());
        browser.findElement(By.id("serious-draft")).click();
        until(() -> browser.findElement(By.id("serious-editor")).isDisplayed());
        assertThat(browser.findElement(By.id("serious-place")).getDomProperty("value")).isEqualTo("Астана, пр. Республики 5");
        assertThat(text("serious-state")).isEqualTo("проект");
        assertThat(text("serious-signed")).isEqualTo("Начальником ещё не подписано");
        type("serious-measures", "Выставлены посты, задержан подозреваемый");
        browser.findElement(By.id("serious-save")).click();
        until(() -> text("serious-version").equals("2"));
        long report = jdbc.queryForObject("select id from watch_serious_reports where incident_id = ?", Long.class, id);
        // The duty officer is not the chief: the signature is refused.
        browser.findElement(By.id("serious-sign")).click();
        browser.switchTo().alert().accept();
        until(() -> text("error").startsWith("Подписывает только начальник центра"));

        // The chief signs it in Kazakh.
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "/watch", chief);
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        until(() -> !browser.findElements(By.cssSelector("#serious-reports tbody tr[data-report-id='" + report + "']"))
                .isEmpty());
        browser.findElement(By.cssSelector("#serious-reports tbody tr[data-report-id='" + report + "'] .serious-open"))
                .click();
        until(() -> text("serious-version").equals("2"));
        assertThat(browser.findElement(By.id("serious-measures")).getDomProperty("value"))
                .isEqualTo("Выставлены посты, задержан подозреваемый");
        browser.findElement(By.id("serious-sign")).click();
        browser.switchTo().alert().accept();
        until(() -> text("serious-signed").startsWith("Бастық қол қойды: " + chief));
        assertThat(text("serious-state")).isEqualTo("қол қойылды, жіберілуде");
        assertThat(browser.findElement(By.id("serious-save")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("serious-pdf")).getAttribute("href"))
                .endsWith("/api/v1/watch/serious-reports/" + report + ".pdf?lang=kk");
    }

    @Test
    void oneSearchAcrossEveryBookAndRegisterInKazakh() {
        String marker = "ІЗДЕУ" + System.nanoTime();
        String watch = WatchFixtures.freshWatch(jdbc, props);
        for (String kind : List.of("notebook", "orientations")) {
            Api.Response r = new Api(port).json("POST", "/api/v1/watch/journals/" + kind + "/entries", duty,
                    "{\"watch\":\"" + watch + "\",\"text\":\"Жазба " + marker + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        Browser.signIn(browser, port, "/watch", duty);
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        until(() -> text("journals-title").equals("Кітаптар мен журналдар"));
        new Select(browser.findElement(By.id("journal"))).selectByValue("notebook");
        type("search-q", marker);
        browser.findElement(By.id("search")).click();
        until(() -> browser.findElements(By.cssSelector("#entries tbody tr")).size() == 1);
        browser.findElement(By.id("search-all")).click();
        browser.findElement(By.id("search")).click();
        until(() -> browser.findElements(By.cssSelector("#entries tbody tr")).size() == 2);
        assertThat(text("entries")).contains("Бағдарларды есепке алу журналы (10-қосымша)");
    }
}
