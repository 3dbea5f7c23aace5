package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watch page in a real Chromium: the outgoing officer lists the inventory and signs in
 * Russian; the incoming one, in Kazakh, records a shortcoming, fixes it, checks every item
 * and signs; the page shows the watch handed over with both signatures.
 */
@CallcenterTest
class WatchPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WatchProperties props;

    private ChromeDriver browser;
    private String outgoing;
    private String incoming;

    @BeforeEach
    void start() {
        Api.user(users, "page-admin", Role.ADMIN);
        outgoing = Api.user(users, "page-watch-outgoing", Role.SUPERVISOR);
        incoming = Api.user(users, "page-watch-incoming", Role.SUPERVISOR);
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

    private void addItem(String kind, String title, String serial, int rows) {
        new Select(browser.findElement(By.id("item-kind"))).selectByValue(kind);
        browser.findElement(By.id("item-title")).sendKeys(title);
        if (serial != null) {
            browser.findElement(By.id("item-serial")).sendKeys(serial);
        }
        browser.findElement(By.id("item-add")).click();
        until(() -> browser.findElements(By.cssSelector("#items tbody tr")).size() == rows);
    }

    private WebElement row(int i) {
        return browser.findElements(By.cssSelector("#items tbody tr")).get(i);
    }

    private void check(int i, String result, String note) {
        WebElement r = row(i);
        new Select(r.findElement(By.className("check-result"))).selectByValue(result);
        if (note != null) {
            r.findElement(By.className("check-note")).sendKeys(note);
        }
        r.findElement(By.className("check")).click();
    }

    @Test
    void aHandOverFromTheFirstItemToBothSignaturesInRussianAndKazakh() {
        String watch = WatchFixtures.freshWatch(jdbc, props);
        String serial = "ЛА" + System.nanoTime();
        Browser.signIn(browser, port, "/watch?watch=" + watch, outgoing);
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
        until(() -> text("watch-state").equals("Смена несёт дежурство"));
        assertThat(text("watch-shift")).matches("[1-4] из 4");

        addItem("DOCUMENT", "Пакет оповещения № 3", null, 1);
        addItem("PROPERTY", "Пистолет ПМ", serial, 2);
        assertThat(row(1).getText()).contains("Имущество", "Пистолет ПМ", serial, "Не проверено");
        assertThat(text("inventory-state")).isEqualTo("Перечень проверен не полностью");
        browser.findElement(By.id("sign-outgoing")).click();
        browser.switchTo().alert().accept();
        until(() -> text("watch-state").equals("Идёт приём-передача: ждёт второй подписи"));
        assertThat(text("signoffs")).startsWith("Сдал: " + outgoing);

        // The incoming officer, in Kazakh.
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "/watch?watch=" + watch, incoming);
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        until(() -> text("watch-state").equals("Қабылдау-тапсыру жүріп жатыр: екінші қолды күтуде"));
        assertThat(text("inventory-state")).isEqualTo("Тізбе толық тексерілмеген");

        check(1, "MISSING", "Пистолет жоқ: қарусыз жөндеуде");
        until(() -> row(1).getText().contains("Жоқ: Пистолет жоқ"));
        until(() -> text("entries").contains("Пистолет жоқ: қарусыз жөндеуде"));
        browser.findElement(By.id("sign-incoming")).click();
        browser.switchTo().alert().accept();
        until(() -> text("error").contains("Кезекшілікті қабылдауға болмайды"));

        check(1, "PRESENT", "Қару қоймасынан алынды, нөмірі салыстырылды");
        until(() -> row(1).getText().contains("Бар: Қару қоймасынан"));
        check(0, "PRESENT", null);
        until(() -> text("inventory-state").equals("Тізбе толық тексерілді"));
        assertThat(text("entries")).contains("Кемшілік жойылды");
        browser.findElement(By.id("sign-incoming")).click();
        browser.switchTo().alert().accept();
        until(() -> text("watch-state").equals("Кезекшілік тапсырылды және қабылданды"));
        List<WebElement> signed = browser.findElements(By.cssSelector("#signoffs li"));
        assertThat(signed).extracting(WebElement::getText)
                .anySatisfy(s -> assertThat(s).startsWith("Тапсырды: " + outgoing))
                .anySatisfy(s -> assertThat(s).startsWith("Қабылдады: " + incoming));
        assertThat(browser.findElement(By.id("sign-incoming")).isDisplayed()).isFalse();

        // And in Russian, after a reload.
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
        browser.navigate().refresh();
        until(() -> text("watch-state").equals("Дежурство сдано и принято"));
        assertThat(text("signoffs")).contains("Принял: " + incoming);
    }
    @Test
    void rostersBreaksAndOrientationsInRussianAndKazakh() {
        String name = "Жумабеков " + System.nanoTime();
        String marker = "ОР" + System.nanoTime();
        Browser.signIn(browser, port, "/watch", outgoing);
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
        until(() -> text("watch-state").length() > 0 && !text("pattern").isEmpty());
        assertThat(text("pattern")).isEqualTo(props.shifts() + " смены по " + props.length().toHours() + " ч");
        assertThat(text("rest-after")).isEqualTo((props.shifts() - 1) * props.length().toHours() + " ч");
        String shift = text("watch-shift").split(" ")[0];

        new Select(browser.findElement(By.id("member-shift"))).selectByValue(shift);
        browser.findElement(By.id("member-name")).sendKeys(name);
        browser.findElement(By.id("member-post")).sendKeys("Помощник дежурного");
        browser.findElement(By.id("member-add")).click();
        until(() -> text("on-watch").contains(name + " (Помощник дежурного)"));
        browser.findElement(By.id("breaks-input")).sendKeys("13:00-13:45, 20:00-20:30");
        browser.findElement(By.id("breaks-set")).click();
        until(() -> text("breaks").equals("13:00-13:45, 20:00-20:30"));
        assertThat(text("breaks-source")).contains("утвердил " + outgoing);
        browser.findElement(By.id("breaks-input")).sendKeys("13:00");
        browser.findElement(By.id("breaks-set")).click();
        until(() -> !text("error").isEmpty());

        // Two orientations written in the register, one cancelled on the page.
        new Select(browser.findElement(By.id("journal"))).selectByValue("orientations");
        for (String o : List.of("Розыск: Петров П.П. " + marker, "Угон: ВАЗ-2107 777ААА02 " + marker)) {
            browser.findElement(By.id("entry-text")).sendKeys(o);
            browser.findElement(By.id("entry-write")).click();
            until(() -> text("entries").contains(o));
        }
        browser.navigate().refresh();
        until(() -> text("active-orientations").contains("Петров П.П. " + marker)
                && text("active-orientations").contains("ВАЗ-2107 777ААА02 " + marker));

        // The incoming officer, in Kazakh, sees both and cancels the car.
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "/watch", incoming);
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        until(() -> text("orientations-title").equals("Күшіндегі бағдарлар (кезекшілікке түсетін ауысым қабылдайды)"));
        until(() -> text("on-watch").contains(name));
        assertThat(text("rest-after")).endsWith(" сағ");
        WebElement car = browser.findElements(By.cssSelector("#active-orientations tbody tr")).stream()
                .filter(r -> r.getText().contains("777ААА02 " + marker)).findFirst().orElseThrow();
        car.findElement(By.className("cancel-reason")).sendKeys("Көлік табылды");
        car.findElement(By.className("cancel-reported-by")).sendKeys("Ахметов капитан");
        car.findElement(By.className("cancel-orientation")).click();
        until(() -> !text("active-orientations").contains("777ААА02 " + marker));
        assertThat(text("active-orientations")).contains("Петров П.П. " + marker);
        new Select(browser.findElement(By.id("journal"))).selectByValue("orientations");
        until(() -> text("entries").contains("Есептен алынды: " + incoming));
    }

    @Test
    void anEntryOpenedFromItsCardIsShownInItsJournal() {
        String marker = "Факс " + System.nanoTime();
        tools.jackson.databind.JsonNode fax = new Api(port).json("POST", "/api/v1/watch/journals/faxes-out/entries", outgoing,
                "{\"text\":\"" + marker + "\"}").json();
        Browser.signIn(browser, port, "/watch/?journal=faxes-out&year=" + fax.get("year").asInt() + "&number="
                + fax.get("number").asInt(), outgoing);
        until(() -> text("entries").contains(marker));
        assertThat(new Select(browser.findElement(By.id("journal"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("faxes-out");
        assertThat(browser.findElements(By.cssSelector("#entries tbody tr"))).hasSize(1);
    }
}
