package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** IT staff's /routing page in a real Chromium: rules and queues checked, saved, restored; the dry run. */
class AdminPageTest extends QueueTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private ChromeDriver browser;

    @BeforeEach
    void browser() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void type(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].value = arguments[1];", e, value);
    }

    // The JSON lives in a collapsed section: open it, put the text in, load it into the form.
    private void loadJson(String set, String json) {
        browser.executeScript("document.getElementById(arguments[0] + '-json-section').open = true;", set);
        type(set + "-json", json);
        browser.findElement(By.id(set + "-json-load")).click();
    }

    private WebElement field(String path) {
        return browser.findElement(By.cssSelector("[data-path='" + path + "']"));
    }

    private String errorBeside(String path) {
        return browser.findElement(By.cssSelector(".field-error[data-error-for='" + path + "']")).getText();
    }

    private void set(String path, String value) {
        browser.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field(path), value);
    }

    private void openRoutingPage() {
        browser.get("http://127.0.0.1:" + port + "/routing");
        browser.findElement(By.name("username")).sendKeys(admin);
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(WAIT).until(() -> !text("rules-version").equals("—") && !text("queues-version").equals("—"));
    }

    @Test
    void anAdministratorInKazakhAddsARuleInTheFormSeesTheTimeErrorBesideItAndSavesAndEditsAWrapUp() {
        openRoutingPage();
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        int rulesBefore = Integer.parseInt(text("rules-version"));
        browser.findElement(By.id("rule-add")).click();
        int i = browser.findElements(By.cssSelector("#rules-list > fieldset.rule")).size() - 1;
        String rule = "rules[" + i + "]";
        set(rule + ".name", "night-" + System.nanoTime());
        set(rule + ".when.languages", "kk");
        // A prefix of this run alone: a night rule an earlier run left in the restored version is
        // neither covered by this one nor covers it (either would make the save refuse an unreachable rule).
        set(rule + ".when.numberPrefixes", "+77" + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(100_000_000, 999_999_999));
        set(rule + ".when.from", "22:00");
        browser.findElement(By.id("rules-save")).click();
        await().atMost(WAIT).until(() -> !errorBeside(rule + ".when.to").isEmpty());
        assertThat(errorBeside(rule + ".when.to")).isEqualTo("«Бастап» пен «дейін» екеуін де көрсетіңіз");
        assertThat(text("rules-version")).isEqualTo(String.valueOf(rulesBefore));
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
        assertThat(errorBeside(rule + ".when.to")).isEqualTo("Укажите и «с», и «до»");
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();

        set(rule + ".when.to", "06:00");
        // First in the list, so no broader rule saved by another test shadows it.
        for (int k = i; k > 0; k--) {
            browser.findElement(By.cssSelector("#rules-list > fieldset.rule[data-index='" + k + "'] .rule-up")).click();
        }
        browser.findElement(By.id("rules-save")).click();
        await().atMost(WAIT).until(() -> Integer.parseInt(text("rules-version")) > rulesBefore);
        assertThat(text("rules-result")).contains("Сақталған нұсқа");
        assertThat(field("rules[0].when.from").getDomProperty("value")).isEqualTo("22:00");
        assertThat(errorBeside("rules[0].when.to")).isEmpty();

        int queuesBefore = Integer.parseInt(text("queues-version"));
        int wrapUp = Integer.parseInt(field("queues[0].wrapUpSeconds").getDomProperty("value"));
        set("queues[0].wrapUpSeconds", String.valueOf(wrapUp + 3));
        browser.findElement(By.id("queues-save")).click();
        await().atMost(WAIT).until(() -> Integer.parseInt(text("queues-version")) == queuesBefore + 1);
        assertThat(field("queues[0].wrapUpSeconds").getDomProperty("value")).isEqualTo(String.valueOf(wrapUp + 3));
        assertThat(browser.findElement(By.id("queues-json")).getDomProperty("value"))
                .contains("\"wrapUpSeconds\": " + (wrapUp + 3));
    }

    @Test
    void anAdministratorChecksSavesAndRestoresRulesAndQueuesAndAsksWhereANumberGoes() {
        assertThat(api.get("/routing", supervisor).status()).isEqualTo(403);
        openRoutingPage();
        assertThat(text("queues-conf")).contains("[q102]").contains("[q102-kk]");
        int rulesBefore = Integer.parseInt(text("rules-version"));
        if (rulesBefore == 0) {
            // A database no test has saved rules in yet: the page's first save gives the version restored below.
            loadJson("rules", """
                    {"defaultQueue": "q102", "defaultPriority": 0, "rules": []}""");
            browser.findElement(By.id("rules-save")).click();
            await().atMost(WAIT).until(() -> text("rules-result").contains("Сохранена версия"));
            rulesBefore = Integer.parseInt(text("rules-version"));
        }

        loadJson("rules", """
                {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
                  {"name": "lost", "when": {"languages": ["ru"]}, "queue": "q-nowhere", "priority": 1}]}""");
        browser.findElement(By.id("rules-validate")).click();
        // Only the server knows which queues exist: its answer is put beside the field, in the page's language.
        await().atMost(WAIT).until(() -> errorBeside("rules[0].queue").startsWith("Очереди 'q-nowhere' нет."));
        assertThat(text("rules-result")).contains("Исправьте поля, отмеченные красным");

        loadJson("rules", """
                {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
                  {"name": "kazakh", "when": {"languages": ["kk"]}, "queue": "q102-kk", "priority": 2},
                  {"name": "astana", "when": {"numberPrefixes": ["+77172"]}, "queue": "q102", "priority": 5}]}""");
        browser.findElement(By.id("rules-validate")).click();
        await().atMost(WAIT).until(() -> text("rules-result").contains("Ошибок нет"));
        assertThat(text("rules-result")).contains("Внимание: #2 Пересекается с правилом 1 'kazakh': звонки, "
                + "подходящие обоим, уйдут в q102-kk/2, а не в q102/5.");
        type("rules-comment", "from the page");
        browser.findElement(By.id("rules-save")).click();
        await().atMost(WAIT).until(() -> text("rules-result").contains("Сохранена версия"));
        int saved = Integer.parseInt(text("rules-version"));
        int restoreTo = rulesBefore;
        assertThat(saved).isGreaterThan(restoreTo);

        type("dry-number", "87172123456");
        type("dry-language", "kk");
        browser.findElement(By.id("dry-run")).click();
        await().atMost(WAIT).until(() -> text("dry-result").contains("q102-kk"));
        assertThat(text("dry-result")).isEqualTo("очередь q102-kk, приоритет 2, правило kazakh");

        browser.findElement(By.cssSelector("#rules-versions button[data-version='" + restoreTo + "']")).click();
        await().atMost(WAIT).until(() -> Integer.parseInt(text("rules-version")) == saved + 1);

        int queuesBefore = Integer.parseInt(text("queues-version"));
        String json = browser.findElement(By.id("queues-json")).getDomProperty("value");
        loadJson("queues", json.replace("\"timeoutSeconds\" : 6", "\"timeoutSeconds\" : 7")
                .replace("\"timeoutSeconds\": 6", "\"timeoutSeconds\": 7"));
        browser.findElement(By.id("queues-save")).click();
        await().atMost(WAIT).until(() -> Integer.parseInt(text("queues-version")) == queuesBefore + 1);
        assertThat(text("queues-conf")).contains("timeout = 7");

        loadJson("queues", """
                {"queues": [{"name": "Bad Name", "strategy": "linear", "timeoutSeconds": 6, "retrySeconds": 1,
                  "wrapUpSeconds": 0, "serviceLevelSeconds": 20, "maxLen": 0, "everyOperator": true, "members": []}]}""");
        browser.findElement(By.id("queues-validate")).click();
        await().atMost(WAIT).until(() -> !errorBeside("queues[0].name").isEmpty());
        assertThat(errorBeside("queues[0].name")).startsWith("1–40");

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        assertThat(text("rules-title")).startsWith("Бағыттау ережелері");
        browser.findElement(By.cssSelector("button[data-lang=en]")).click();
        assertThat(text("queues-title")).startsWith("Queues");
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }

    @Test
    void whatOnlyTheServerChecksIsShownAtItsFieldInKazakhAndAgainInRussian() {
        openRoutingPage();
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        int before = Integer.parseInt(text("rules-version"));
        // Two rules of one name: the form cannot tell, the server can.
        loadJson("rules", """
                {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
                  {"name": "twin", "when": {"languages": ["kk"]}, "queue": "q102-kk", "priority": 2},
                  {"name": "twin", "when": {"languages": ["ru"]}, "queue": "q102", "priority": 1}]}""");
        browser.findElement(By.id("rules-save")).click();
        await().atMost(WAIT).until(() -> !errorBeside("rules[1].name").isEmpty());
        assertThat(errorBeside("rules[1].name")).isEqualTo("'twin' атауы жоғарыдағы ережеде бар.");
        assertThat(field("rules[1].name").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(errorBeside("rules[0].name")).isEmpty();
        assertThat(text("rules-result")).isEqualTo("Қызылмен белгіленген өрістерді түзетіңіз");
        assertThat(text("rules-version")).isEqualTo(String.valueOf(before));
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
        assertThat(errorBeside("rules[1].name")).isEqualTo("Имя 'twin' уже занято правилом выше.");

        // A rule an earlier one leaves nothing to: the whole rule is marked, in the language chosen.
        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        loadJson("rules", """
                {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
                  {"name": "everyone", "queue": "q102", "priority": 1},
                  {"name": "kazakh", "when": {"languages": ["kk"]}, "queue": "q102-kk", "priority": 2}]}""");
        browser.findElement(By.id("rules-validate")).click();
        await().atMost(WAIT).until(() -> !errorBeside("rules[1]").isEmpty());
        assertThat(errorBeside("rules[1]"))
                .isEqualTo("Ешқашан іске аспайды: 1-ереже 'everyone' шартсыз және барлық қоңырауды алады.");
        assertThat(browser.getPageSource()).doesNotContain("unreachable", "is used by an earlier rule");
    }
}
