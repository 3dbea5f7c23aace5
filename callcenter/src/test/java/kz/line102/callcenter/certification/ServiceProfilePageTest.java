package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service profile on the certification page in a real Chromium: the direct head writes
 * it in Russian, signs it in Kazakh, and the signed profile is read only.
 */
@CallcenterTest
class ServiceProfilePageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    EmployeeService employees;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    CaseService cases;
    @Autowired
    ProfileService profiles;

    private static void until(ChromeDriver browser, Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(condition);
        } catch (RuntimeException ex) {
            throw new AssertionError(Browser.dump(browser), ex);
        }
    }

    @Test
    void theHeadWritesTheProfileInRussianAndSignsItInKazakh() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String head = Api.user(users, "page-profile-head", Role.SUPERVISOR);
        Employee e = employees.create("PP-" + run, "Жұмабаев Асқар " + run,
                List.of(Posting.post(employees.today().minusYears(3).minusDays(2), null, "оператор")), "page-test");
        Commission c = new CommissionFixture(context).create("page profile " + run, "chair-" + run, "secretary-" + run,
                List.of("chair-" + run, "secretary-" + run, "member-" + run), "page-test");
        long caseId = cases.open(e.id(), c.id(), "page-test").id();

        ChromeDriver browser = Browser.start();
        try {
            Browser.signIn(browser, port, "/certification", head);
            until(browser, () -> browser.findElement(By.id("profile-case")).isDisplayed()
                    && !browser.findElement(By.id("who")).getText().isEmpty());
            browser.findElement(By.id("profile-case")).sendKeys(Long.toString(caseId));
            browser.findElement(By.id("profile-open")).click();
            until(browser, () -> browser.findElement(By.id("profile-save")).isEnabled());
            for (String s : List.of("PERFORMANCE", "STRATEGIC_DOCUMENTS", "LAW", "ETHICS", "PERSONAL_QUALITIES",
                    "FINAL_ASSESSMENT")) {
                browser.findElement(By.id("profile-" + s)).sendKeys("Раздел " + s + ": соответствует");
            }
            browser.findElement(By.id("profile-save")).click();
            until(browser, () -> "1".equals(browser.findElement(By.id("profile-version")).getText()));
            assertThat(browser.findElement(By.id("profile-saved")).getText()).isEqualTo("Записано");
            assertThat(profiles.profile(caseId).sections().get("FINAL_ASSESSMENT"))
                    .isEqualTo("Раздел FINAL_ASSESSMENT: соответствует");

            browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
            assertThat(browser.findElement(By.id("profile-sign")).getText()).isEqualTo("Мінездемеге қол қою");
            browser.findElement(By.id("profile-sign")).click();
            until(browser, () -> profiles.profile(caseId).signed());
            until(browser, () -> browser.findElement(By.id("profile-signed")).getText().startsWith("Қол қойған: "
                    + head));
            assertThat(browser.findElement(By.id("profile-saved")).getText()).isEqualTo("Жазылды");
            assertThat(browser.findElement(By.id("profile-FINAL_ASSESSMENT")).getAttribute("readonly")).isNotNull();
            assertThat(browser.findElement(By.id("profile-save")).isEnabled()).isFalse();
            assertThat(browser.findElement(By.id("profile-error")).getText()).isEmpty();
            assertThat(browser.findElement(By.cssSelector("[data-document='profile-kk']")).getAttribute("href"))
                    .endsWith("/api/v1/certification/cases/" + caseId + "/documents/profile.pdf?lang=kk");
            assertThat(browser.findElement(By.cssSelector("[data-document='profile-kk']")).getText())
                    .isEqualTo("Қызметтік мінездеме (KK)");
            browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
        } finally {
            browser.quit();
        }
    }
}
