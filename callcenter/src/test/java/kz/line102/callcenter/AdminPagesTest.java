package kz.line102.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.operator.WorkstationService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator's first morning in a real Chromium, from the sign-in page, in Russian and in
 * Kazakh: from the admin home to the workstations (a bad extension refused in words, then a desk
 * created), to the users (an operator created), to the subscriber registry (a file with one bad
 * row: the row's line, column and reason are shown, the good rows are in the registry).
 */
@CallcenterTest
class AdminPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    WorkstationService workstations;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    private ChromeDriver browser;
    private String admin;

    /** What the walk reads on the pages in one language. */
    record Words(String lang, String workstationsLink, String workstationsTitle, String badExtension, String created,
                 String retired, String usersTitle, String userCreated, String operatorRole, String disabled,
                 String unitsTitle, String unitSaved, String registryTitle, String numberField, String notANumber,
                 String done, String badHeader) {
    }

    static final Words RU = new Words("ru", "Рабочие места", "Линия 102 — рабочие места",
            "Внутренний номер «12ab» не подходит: от 2 до 15 цифр.", "Рабочее место создано: ", "Выведено из работы",
            "Линия 102 — пользователи и роли", "Пользователь создан: ", "Оператор", "Отключён",
            "Линия 102 — наряды и экипажи", "Экипаж и маршрут сохранены: ", "Линия 102 — реестр абонентов",
            "номер", "«not-a-phone» — не номер телефона.", "Загрузка завершена",
            "Заголовок файла CSV неверен: нужен столбец number и известные столбцы.");
    static final Words KK = new Words("kk", "Жұмыс орындары", "Линия 102 — жұмыс орындары",
            "«12ab» ішкі нөмірі жарамсыз: 2-ден 15-ке дейін цифр.", "Жұмыс орны құрылды: ", "Жұмыстан шығарылған",
            "Линия 102 — пайдаланушылар мен рөлдер", "Пайдаланушы құрылды: ", "Оператор", "Өшірілген",
            "Линия 102 — жасақтар мен экипаждар", "Экипаж бен бағыт сақталды: ", "Линия 102 — абоненттер тізілімі",
            "нөмір", "«not-a-phone» — телефон нөмірі емес.", "Жүктеу аяқталды",
            "CSV файлының тақырыбы қате: number бағаны және белгілі бағандар керек.");

    @BeforeEach
    void start() {
        admin = Api.user(users, "page-admin-walker", Role.ADMIN);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private void until(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void open(String path, String title) {
        browser.findElement(By.cssSelector("#line102-pages a[href='" + path + "']")).click();
        until(() -> browser.getCurrentUrl().endsWith(path) && text("h1").equals(title));
        // The page has its session (the header is filled) before anything is sent.
        until(() -> !text("#who").isEmpty());
    }

    @Test
    void anAdministratorSetsUpADeskAUserAndTheRegistryInRussian() throws IOException {
        walk(RU);
    }

    @Test
    void anAdministratorSetsUpADeskAUserAndTheRegistryInKazakh() throws IOException {
        walk(KK);
    }

    private void walk(Words w) throws IOException {
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.cssSelector("button[data-lang=" + w.lang() + "]")).click();
        browser.findElement(By.name("username")).sendKeys(admin);
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        until(() -> browser.getCurrentUrl().endsWith("/admin"));

        // The admin home links the new pages by their names in the chosen language.
        until(() -> browser.findElements(By.cssSelector("#admin-pages a")).stream()
                .anyMatch(a -> a.getText().equals(w.workstationsLink())));
        browser.findElements(By.cssSelector("#admin-pages a")).stream()
                .filter(a -> a.getText().equals(w.workstationsLink())).findFirst().orElseThrow().click();
        until(() -> browser.getCurrentUrl().endsWith("/admin/workstations") && text("h1").equals(w.workstationsTitle()));
        until(() -> !text("#who").isEmpty());

        String desk = "walk-" + w.lang() + "-" + n;
        type("new-name", desk);
        type("new-extension", "12ab");
        browser.findElement(By.id("create")).click();
        until(() -> text("#error").equals(w.badExtension()));
        type("new-extension", "6" + n);
        browser.findElement(By.id("create")).click();
        until(() -> !browser.findElements(By.cssSelector("tr[data-workstation='" + desk + "']")).isEmpty());
        assertThat(text("#notice")).isEqualTo(w.created() + desk);
        assertThat(text("#error")).isEmpty();
        assertThat(workstations.all()).anyMatch(ws -> ws.name().equals(desk) && ws.extension().equals("6" + n)
                && ws.iface().equals("PJSIP/6" + n) && ws.enabled());
        browser.findElement(By.cssSelector("tr[data-workstation='" + desk + "'] button.retire")).click();
        until(() -> text("tr[data-workstation='" + desk + "'] .tag").equals(w.retired()));
        assertThat(workstations.all()).anyMatch(ws -> ws.name().equals(desk) && !ws.enabled());

        open("/admin/users", w.usersTitle());
        String user = "walk-op-" + w.lang() + "-" + n;
        type("new-username", user);
        type("new-display", "Ерлан Сейтқали");
        type("new-password", "a-long-enough-password");
        browser.findElement(By.id("create")).click();
        until(() -> !browser.findElements(By.cssSelector("#users tr[data-user='" + user + "']")).isEmpty());
        assertThat(text("#notice")).isEqualTo(w.userCreated() + user);
        assertThat(text("#users tr[data-user='" + user + "'] td.roles")).isEqualTo(w.operatorRole());
        assertThat(users.get(user).roles()).isEqualTo(Set.of(Role.OPERATOR));
        assertThat(users.get(user).displayName()).isEqualTo("Ерлан Сейтқали");
        browser.findElement(By.cssSelector("#users tr[data-user='" + user + "'] button.disable")).click();
        until(() -> text("#users tr[data-user='" + user + "'] .tag").equals(w.disabled()));
        assertThat(users.get(user).enabled()).isFalse();

        open("/admin/units", w.unitsTitle());
        String sign = "Сұңқар-" + w.lang() + "-" + n;
        type("new-call-sign", sign);
        browser.findElement(By.id("create")).click();
        // A new unit opens for its crew at once.
        until(() -> browser.findElement(By.id("edit")).isDisplayed() && text("#edit-name").equals(sign));
        type("edit-crew", "сержант Ким Д. А.\nст. сержант Ахметов Е. Б.");
        type("edit-route", "Алмалы ауданы");
        browser.findElement(By.id("edit-save")).click();
        until(() -> text("tr[data-unit='" + sign + "'] td.crew").equals("сержант Ким Д. А., ст. сержант Ахметов Е. Б."));
        assertThat(text("#notice")).isEqualTo(w.unitSaved() + sign);
        assertThat(text("tr[data-unit='" + sign + "'] td.route")).isEqualTo("Алмалы ауданы");

        open("/admin/registry", w.registryTitle());
        String prefix = "+7705" + n;
        jdbc.update("delete from subscribers where number_e164 like ?", prefix + "%");
        Path csv = dir.resolve("registry-" + w.lang() + ".csv");
        Files.writeString(csv, """
                number,name,address
                %s1,Әсем Нұрболқызы,"Алматы, Байзақов көшесі, 280"
                not-a-phone,Bad,Row
                %s2,Дәурен Серікұлы,"Астана, Кенесары көшесі, 40"
                """.formatted(prefix, prefix), StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("send")).click();
        until(() -> browser.findElement(By.id("result")).isDisplayed());
        assertThat(text("#progress-text")).isEqualTo(w.done());
        assertThat(text("#rows-read")).isEqualTo("3");
        assertThat(text("#inserted")).isEqualTo("2");
        assertThat(text("#rejected")).isEqualTo("1");
        WebElement bad = browser.findElement(By.cssSelector("#row-errors tr[data-line='3']"));
        assertThat(bad.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsExactly("3", w.numberField(), w.notANumber());
        assertThat(browser.findElements(By.cssSelector("#row-errors tbody tr"))).hasSize(1);
        assertThat(jdbc.queryForList("select holder_name from subscribers where number_e164 like ?",
                String.class, prefix + "%")).containsExactlyInAnyOrder("Дәурен Серікұлы", "Әсем Нұрболқызы");

        // A file the loader cannot read at all is refused as a whole, in words.
        Path headless = dir.resolve("no-number-" + w.lang() + ".csv");
        Files.writeString(headless, "phone,name\n+77011234567,X\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(headless.toString());
        browser.findElement(By.id("send")).click();
        until(() -> text("#error").equals(w.badHeader()));
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("send")).click();
        until(() -> browser.findElement(By.id("result")).isDisplayed());

        // The row's reason is worded from its code: it follows the language switch.
        browser.findElement(By.cssSelector("button[data-lang=en]")).click();
        until(() -> text("#row-errors tr[data-line='3'] td.reason").equals("\"not-a-phone\" is not a valid phone number."));
    }
}
