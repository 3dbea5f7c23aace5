package kz.line102.callcenter.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import kz.line102.callcenter.Api;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium for page tests: Debian's {@code chromium} driven by
 * Debian's {@code chromedriver} (installed by .ci/run), so Selenium downloads
 * nothing. Each browser gets an empty profile of its own.
 */
public final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    public static ChromeDriver start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The machine's network is closed: background fetches would only fail, slowly.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--lang=ru", "--window-size=1280,900",
                "--accept-lang=ru", "--user-data-dir=" + profile);
        // A Russian user's browser: Accept-Language ru, which the sign-in page follows until a language is chosen.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ru"));
        // Everything the pages write to the console, for scriptErrors() and a failure's dump.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Opens {@code path}, signs in on the form it is sent to as {@code user}, and waits to be back at {@code path}. */
    public static void signIn(ChromeDriver browser, int port, String path, String user) {
        browser.get("http://127.0.0.1:" + port + path);
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains(path));
    }

    /** What the page and its console said, for a failure's report. */
    public static String dump(ChromeDriver browser) {
        StringBuilder out = new StringBuilder("PAGE: ").append(browser.getPageSource());
        browser.manage().logs().get("browser").forEach(l -> out.append("\nCONSOLE: ").append(l));
        return out.toString();
    }

    /**
     * The errors the pages wrote to the browser's console since the last look: uncaught
     * exceptions, modules that failed to load or link, console.error. A refused API call is
     * the page's business (it shows the problem) and is left out, as is the browser's own look
     * for a /favicon.ico we do not ship; a file of the page's own that failed to load (a script,
     * a module it imports, a style, the bundle) is kept.
     */
    public static List<String> scriptErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !(m.contains("Failed to load resource")
                        && (m.contains("/api/") || m.contains("/favicon.ico"))))
                .toList();
    }
}
