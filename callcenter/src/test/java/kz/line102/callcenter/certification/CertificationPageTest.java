package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The certification page in a real Chromium: the due list, a stage result and a decision, in Russian and Kazakh. */
@CallcenterTest
class CertificationPageTest {

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
    MeetingService meetings;

    private ChromeDriver browser;
    private String commission;

    @BeforeEach
    void start() {
        commission = Api.user(users, "page-cert-commission", Role.SUPERVISOR);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void theCommissionSeesTheDueListRecordsAStageAndDecides() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Employee e = employees.create("P-" + run, "Сатпаев Канат " + run,
                List.of(Posting.post(employees.today().minusYears(3).minusDays(3), null, "оператор")), "page-test");
        // The one signed in is the commission's secretary; the chair votes under their own name.
        Commission c = new CommissionFixture(context).create("page " + run, "chair-" + run, commission,
                List.of("chair-" + run, commission, "member-" + run), "page-test");
        long caseId = cases.open(e.id(), c.id(), "page-test").id();
        cases.record(caseId, "PREPARATION", "DONE", null, null, null, "page-test");
        cases.record(caseId, "STANDARDS", "PASSED", null, null, null, "page-test");
        cases.record(caseId, "TEST", null, 90, null, null, "page-test");
        cases.record(caseId, "POLYGRAPH", "DONE", null, null, null, "page-test");

        Browser.signIn(browser, port, "/certification", commission);
        By row = By.cssSelector("[data-employee-id='" + e.id() + "']");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(row).isEmpty());
        } catch (RuntimeException ex) {
            throw new AssertionError(Browser.dump(browser), ex);
        }
        assertThat(browser.findElement(row).getText()).contains("P-" + run, "подлежит");

        browser.findElement(By.id("stage-case")).sendKeys(Long.toString(caseId));
        browser.findElement(By.cssSelector("#stage-name option[value='INTERVIEW'], #stage-name option:nth-child(5)"))
                .click();
        browser.findElement(By.id("stage-result")).sendKeys("ATTENDED");
        browser.findElement(By.id("stage-save")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> cases.entries(caseId).size() == 5);
        assertThat(browser.findElement(By.id("saved")).getText()).isEqualTo("Записано");

        browser.findElement(By.cssSelector("button[data-lang=kk]")).click();
        assertThat(browser.findElement(row).getText()).contains("жатады");
        meetings.attendance(caseId, java.util.Set.of("chair-" + run, commission), commission);
        meetings.vote(caseId, "CORRESPONDS", "chair-" + run);
        browser.findElement(By.id("hearing-case")).sendKeys(Long.toString(caseId));
        browser.findElement(By.id("hearing-open")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("hearing")).isDisplayed());
        assertThat(browser.findElement(By.id("decision-save")).getText()).isEqualTo("Шешім қабылдау");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("vote-decision"))).selectByValue("CORRESPONDS");
        browser.findElement(By.id("vote-save")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.cssSelector(
                "[data-member='" + commission + "']")).getText().contains("атқаратын лауазымына сәйкес"));
        browser.findElement(By.id("decision-save")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "CORRESPONDS".equals(cases.certificationCase(caseId).outcome()));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("meeting-saved")).getText()
                .equals("Жазылды"));
        assertThat(browser.findElement(By.id("meeting-error")).getText()).isEmpty();
        browser.findElement(By.cssSelector("button[data-lang=ru]")).click();
    }
}
