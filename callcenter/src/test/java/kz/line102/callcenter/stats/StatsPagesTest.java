package kz.line102.callcenter.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.cti.CapturedCallIds;
import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import kz.line102.callcenter.testing.IsolatedBridge;
import kz.line102.cti.CallId;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The wallboard and the statistics page in a real Chromium, fed by replayed calls: the
 * wallboard's tiles move within a second of a call's commit, the statistics page draws
 * its charts and tables in Russian and Kazakh, and a supervisor's choice of queues and
 * target follows them to another desk.
 */
@CallcenterTest
class StatsPagesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedBridge.register(registry, "stats-pages-test");
    }

    @Value("${line102.cti.ami.pbx}")
    String pbxName;
    @LocalServerPort
    int port;
    @Autowired
    DemoReplay replay;
    @Autowired
    JdbcCallRepository calls;
    @Autowired
    UserService users;

    private ChromeDriver browser;

    @BeforeEach
    void browser() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    /** Plays a captured scenario and returns once its calls are committed with their outcome. */
    private void play(String scenario) {
        await().atMost(WAIT).until(() -> replay.server().loggedInClients() > 0);
        ReplayHandle handle = replay.server().play(scenario, PlayOptions.paced(50));
        for (CapturedCallIds.Captured c : CapturedCallIds.of(scenario)) {
            UUID id = UUID.fromString(CallId.derive(pbxName, handle.freshValueOf(c.linkedid())).value());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> calls.find(id).map(r -> r.outcome() != null).orElse(false));
        }
    }

    /** Read in one script: the tiles are redrawn with every snapshot, so a found element may be gone when read. */
    private long answeredTile() {
        Object text = ((JavascriptExecutor) browser).executeScript("const e = document.querySelector("
                + "\".tile-queue[data-queue='q102'] [data-tile=answered] .big\"); return e ? e.textContent : null;");
        return text == null || text.toString().isBlank() ? 0 : Long.parseLong(text.toString().trim());
    }

    @Test
    void theWallboardsTilesShowAReplayedCallWithinASecondOfItsCommit() {
        String supervisor = StatsUsers.supervisor(users);
        Browser.signIn(browser, port, "/wallboard", supervisor);
        await().atMost(WAIT).until(() -> !browser.findElement(By.id("live-at")).getText().equals("—"));
        long before = answeredTile();

        play("answered");
        Instant committed = Instant.now();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> answeredTile() > before);
        assertThat(Duration.between(committed, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertThat(browser.findElement(By.cssSelector(".tile-queue[data-queue='q102'] [data-tile=sl] .label")).getText())
                .contains("Уровень обслуживания за час");

        // The charts of the watch, and the TV layout in full screen.
        await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#chart-calls canvas")).size() == 1
                && browser.findElements(By.cssSelector("#chart-states canvas")).size() == 1);
        browser.findElement(By.id("fullscreen")).click();
        await().atMost(WAIT).until(() -> browser.findElement(By.tagName("body")).getAttribute("class").contains("tv"));
        String size = browser.findElement(By.cssSelector(".tile-queue[data-queue='q102'] [data-tile=waiting] .big"))
                .getCssValue("font-size");
        assertThat(Double.parseDouble(size.replace("px", ""))).as("a number readable across a room").isGreaterThan(60);
    }

    @Test
    void theStatisticsPageDrawsChartsAndTablesInRussianAndKazakh() {
        play("answered");
        play("abandon");
        String supervisor = StatsUsers.supervisor(users);
        Browser.signIn(browser, port, "/stats", supervisor);
        By rows = By.cssSelector("#history tbody tr");
        // The history settles within a few seconds of the commit (IntervalDrain): ask again until it shows.
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.findElement(By.id("show")).click();
            return !browser.findElements(rows).isEmpty();
        });
        for (String chart : List.of("chart-calls", "chart-sl", "chart-waits", "chart-states")) {
            await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#" + chart + " canvas")).size() == 1);
        }
        assertThat(browser.findElement(By.id("chart-calls-title")).getText()).isEqualTo("Звонки и потерянные");
        assertThat(browser.findElement(By.cssSelector("#history thead")).getText()).contains("Поступило").contains("Принято");
        assertThat(browser.findElement(By.id("csv-link")).getAttribute("href")).contains("history.csv").contains("lang=ru");
        assertThat(browser.findElement(By.cssSelector("#chart-sl .u-legend")).getText()).contains("Цель");

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        await().atMost(WAIT).until(() -> browser.findElement(By.id("chart-calls-title")).getText()
                .equals("Қоңыраулар мен жоғалғандары"));
        await().atMost(WAIT).until(() -> browser.findElement(By.cssSelector("#history thead")).getText().contains("Қабылданды"));
        assertThat(browser.findElement(By.cssSelector("#chart-sl .u-legend")).getText()).contains("Мақсат");
        assertThat(browser.findElement(By.id("pdf-link")).getAttribute("href")).contains("lang=kk");
        assertThat(browser.findElement(By.cssSelector("#operators thead")).getText()).contains("Оператор");
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }

    @Test
    void aSupervisorsChoiceOfQueuesAndTargetFollowsThemAndItStaffSetTheDefault() {
        play("answered");
        Api api = new Api(port);
        String supervisor = StatsUsers.supervisor(users);
        String admin = users.all().stream().anyMatch(u -> u.username().equals("stats-admin")) ? "stats-admin"
                : Api.user(users, "stats-admin", Role.ADMIN);
        try {
            assertThat(api.json("PUT", "/api/v1/stats/wallboard/defaults", supervisor, "{\"targetPercent\":80}").status())
                    .isEqualTo(403);
            assertThat(api.json("PUT", "/api/v1/stats/wallboard/defaults", admin,
                    "{\"targetPercent\":85,\"serviceLevelSeconds\":20,\"queues\":[]}").status()).isEqualTo(200);
            api.json("DELETE", "/api/v1/stats/wallboard", supervisor, null);
            JsonNode d = api.get("/api/v1/stats/wallboard", supervisor).json();
            assertThat(d.path("targetPercent").asDouble()).isEqualTo(85.0);
            assertThat(d.path("source").asString()).isEqualTo("centre");
            Api.Response bad = api.json("PUT", "/api/v1/stats/wallboard", supervisor, "{\"targetPercent\":90,\"serviceLevelSeconds\":75}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.code()).isEqualTo("invalid-request");

            // Chosen on one desk's wallboard…
            Browser.signIn(browser, port, "/wallboard", supervisor);
            browser.findElement(By.cssSelector("#choice summary")).click();
            await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("#choice-queues input[value=q102]")).isEmpty());
            browser.findElement(By.cssSelector("#choice-queues input[value=q102]")).click();
            WebElement target = browser.findElement(By.id("choice-target"));
            target.clear();
            target.sendKeys("95");
            browser.findElement(By.id("choice-save")).click();
            await().atMost(WAIT).until(() -> api.get("/api/v1/stats/wallboard", supervisor).json()
                    .path("targetPercent").asDouble() == 95.0);
            // …it is there on another desk (a fresh browser).
            browser.quit();
            browser = Browser.start();
            Browser.signIn(browser, port, "/wallboard", supervisor);
            await().atMost(WAIT).until(() -> "95".equals(browser.findElement(By.id("choice-target")).getAttribute("value")));
            JsonNode mine = api.get("/api/v1/stats/wallboard", supervisor).json();
            assertThat(mine.path("queues").toString()).isEqualTo("[\"q102\"]");
            assertThat(mine.path("source").asString()).isEqualTo("own");
        } finally {
            api.json("DELETE", "/api/v1/stats/wallboard", supervisor, null);
            api.json("PUT", "/api/v1/stats/wallboard/defaults", admin, "{\"targetPercent\":90,\"queues\":[]}");
        }
    }
}
