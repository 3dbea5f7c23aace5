package kz.line102.callcenter.certification.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The interview recordings on the certification page in a real Chromium: the personnel
 * officer uploads a browser's WebM and a WAV to a case; the video plays in a {@code <video>}
 * element (its picture loads through the ranged playback), the sound in an {@code <audio>} one.
 */
@CallcenterTest
class InterviewRecordingPageTest {

    static final Path WAV = Path.of("/work/shared/fixtures/asterisk/22.10.1/recording-answered-mixmonitor.wav");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ApplicationContext context;
    @TempDir
    Path dir;

    private static void until(ChromeDriver browser, Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(condition);
        } catch (RuntimeException ex) {
            throw new AssertionError(Browser.dump(browser), ex);
        }
    }

    private static void upload(ChromeDriver browser, Path file) {
        browser.findElement(By.id("recording-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("recording-upload")).click();
    }

    private static String kind(ChromeDriver browser, int row) {
        return (String) browser.executeScript("return document.querySelectorAll('#recordings tr')[arguments[0]]"
                + ".querySelectorAll('td')[2].textContent", row);
    }

    private static void play(ChromeDriver browser, int row) {
        browser.executeScript("document.querySelectorAll('#recordings tr')[arguments[0]]"
                + ".querySelector('button.play').click()", row);
    }

    private static boolean allArchived(ChromeDriver browser, int expected) {
        // Asked again until both are archived: the list redraws after each answer, so it is read in one script.
        browser.findElement(By.id("recordings-show")).click();
        return Boolean.TRUE.equals(browser.executeScript("return document.querySelectorAll('#recordings tr').length"
                + " === arguments[0] && document.querySelectorAll('#recordings button.play').length === arguments[0]",
                expected));
    }

    @Test
    void theOfficerUploadsAVideoAndASoundAndEachPlaysInItsOwnElement() throws Exception {
        String personnel = Api.user(users, "page-video-personnel", Role.PERSONNEL);
        long caseId = new InterviewCases(context, new Api(port), personnel).open("Серікбаев Ерлан");
        Path webm = InterviewVideos.webm(dir.resolve("interview.webm"), 3);

        ChromeDriver browser = Browser.start();
        try {
            Browser.signIn(browser, port, "/certification", personnel);
            until(browser, () -> browser.findElement(By.id("recording-case")).isDisplayed()
                    && !browser.findElement(By.id("who")).getText().isEmpty());
            browser.findElement(By.id("recording-case")).sendKeys(Long.toString(caseId));
            browser.findElement(By.id("recordings-show")).click();
            until(browser, () -> browser.findElement(By.id("recording-upload")).isEnabled());

            upload(browser, webm);
            until(browser, () -> "Запись принята и архивируется.".equals(
                    browser.findElement(By.id("recording-saved")).getText()));
            until(browser, () -> browser.findElement(By.id("recording-upload")).isEnabled());
            upload(browser, WAV);
            until(browser, () -> browser.findElements(By.cssSelector("#recordings tr")).size() == 2);
            until(browser, () -> allArchived(browser, 2));
            assertThat(browser.findElement(By.id("recording-error")).getText()).isEmpty();

            // The list may still redraw from the last "show": rows are read and clicked in one script each.
            assertThat(kind(browser, 0)).isEqualTo("видео");
            play(browser, 0);
            until(browser, () -> !browser.findElements(By.cssSelector("#recording-player video")).isEmpty());
            WebElement player = browser.findElement(By.cssSelector("#recording-player video"));
            assertThat(player.findElement(By.tagName("source")).getAttribute("type")).isEqualTo("video/webm");
            // Metadata loaded: the browser has read the picture's size through the ranged playback.
            until(browser, () -> (Long) browser.executeScript(
                    "return document.querySelector('#recording-player video').readyState") >= 1);
            assertThat(browser.executeScript("return document.querySelector('#recording-player video').videoWidth"))
                    .isEqualTo(160L);

            assertThat(kind(browser, 1)).isEqualTo("звук");
            play(browser, 1);
            until(browser, () -> !browser.findElements(By.cssSelector("#recording-player audio")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("#recording-player video"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector("#recording-player audio source")).getAttribute("type"))
                    .isEqualTo("audio/ogg");
            assertThat(Browser.scriptErrors(browser)).isEmpty();
        } finally {
            browser.quit();
        }
    }
}
