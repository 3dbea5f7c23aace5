package kz.line102.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.testing.IsolatedBridge;
import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.callcenter.operator.WorkstationService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import kz.line102.cti.replay.PlayOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator's console in a real Chromium: sign in, take the workstation whose phone
 * the PBX rings, and a replayed call pops up with what the subscriber registry knows.
 */
@CallcenterTest
class ConsolePageTest {

    private static final String CALLER = "+77015550102";

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedBridge.register(registry, "console-test");
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    WorkstationService workstations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoReplay replay;
    @Autowired
    redis.clients.jedis.UnifiedJedis redis;
    @Autowired
    kz.line102.callcenter.app.RedisKeys keys;

    private ChromeDriver browser;
    private String operator;

    @BeforeEach
    void operatorAndSubscriber() {
        Api.user(users, "console-admin", Role.ADMIN);
        operator = Api.user(users, "console-operator", Role.OPERATOR);
        if (workstations.all().stream().noneMatch(w -> w.extension().equals("1001"))) {
            workstations.create("desk-1001", "1001", null);
        }
        jdbc.update("update operator_sessions set ended_at = clock_timestamp(), end_reason = 'replaced' "
                + "where ended_at is null and extension = '1001'");
        // An earlier run's context may have stopped before its played call ended, leaving
        // that call's ring on 1001 in the shared Redis (kept 4 h): the desk must start idle.
        redis.del(keys.key("callcenter:ring:1001"));
        jdbc.update("""
                insert into subscribers (number_e164, holder_name, address, lat, lon, source)
                values (?, 'Әлия Қасымқызы', 'Астана, Кенесары көшесі, 10', 51.16940, 71.44910, 'test')
                on conflict (number_e164) do update set holder_name = excluded.holder_name,
                    address = excluded.address, lat = excluded.lat, lon = excluded.lon""", CALLER);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void aCallRingingTheOperatorsPhonePopsUpWithTheSubscriber() {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.name("username")).sendKeys(operator);
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/console"));

        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("ws-form")).isDisplayed());
        } catch (RuntimeException e) {
            System.out.println("PAGE: " + browser.getPageSource());
            browser.manage().logs().get("browser").forEach(l -> System.out.println("CONSOLE: " + l));
            throw e;
        }
        By desk = By.cssSelector("#ws-input option[data-extension='1001']");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(desk).isEmpty());
        browser.findElement(desk).click();
        browser.findElement(By.id("ws-join")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "на связи".equals(text("socket-state")));
        assertThat(text("ws-extension")).isEqualTo("1001");
        assertThat(text("pop-state")).isEqualTo("ожидание вызова");

        replay.server().play("answered", PlayOptions.paced(5).withCallers(CALLER));

        await().atMost(Duration.ofSeconds(20)).until(() -> CALLER.equals(text("pop-number")));
        assertThat(text("pop-name")).isEqualTo("Әлия Қасымқызы");
        assertThat(text("pop-address")).isEqualTo("Астана, Кенесары көшесі, 10");
        assertThat(text("pop-position")).isEqualTo("51.16940, 71.44910");
        assertThat(text("pop-state")).isIn("входящий вызов", "разговор");

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        assertThat(text("pop-title")).startsWith("Қоңырау");
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }

}
