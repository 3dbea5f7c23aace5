package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

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
 * The six-monthly list on the certification page in a real Chromium: the personnel service
 * dates it (in Russian), the head approves it (in Kazakh) and the page shows it frozen.
 */
@CallcenterTest
class CertificationListPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    EmployeeService employees;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    ListService lists;

    private static void until(ChromeDriver browser, Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(condition);
        } catch (RuntimeException ex) {
            throw new AssertionError(Browser.dump(browser), ex);
        }
    }

    @Test
    void personnelDateTheListInRussianAndTheHeadApprovesItInKazakh() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String personnel = Api.user(users, "page-list-personnel-service", Role.PERSONNEL);
        String head = Api.user(users, "page-list-head", Role.SUPERVISOR);
        Employee e = employees.create("PL-" + run, "Нұрланова Айгүл " + run,
                List.of(Posting.post(employees.today().minusYears(3).plusDays(30), null, "оператор")), "page-test");
        Commission c = new CommissionFixture(context).create("page list " + run, "chair-" + run, "secretary-" + run,
                List.of("chair-" + run, "secretary-" + run, "member-" + run), "page-test");
        LocalDate from = employees.today().plusYears(20).plusDays(ThreadLocalRandom.current().nextInt(1, 2_000_000));
        long list = lists.draw(from, "page-test").id();
        LocalDate meeting = from.plusDays(45);

        ChromeDriver browser = Browser.start();
        try {
            Browser.signIn(browser, port, "/certification", personnel);
            By row = By.cssSelector("[data-list-id='" + list + "']");
            until(browser, () -> !browser.findElements(row).isEmpty());
            assertThat(browser.findElement(row).getText()).contains("черновик");
            browser.findElement(row).click();
            until(browser, () -> browser.findElement(By.id("list-id")).getText().equals(Long.toString(list)));
            browser.executeScript("document.getElementById('meeting-on').value = arguments[0];", meeting.toString());
            browser.findElement(By.cssSelector("#meeting-commission option[value='" + c.id() + "']")).click();
            browser.findElement(By.id("meeting-employees")).sendKeys(Long.toString(e.id()));
            browser.findElement(By.id("meeting-save")).click();
            until(browser, () -> meeting.equals(lists.items(list, false, 500, 0).stream()
                    .filter(i -> i.employeeId() == e.id()).findFirst().orElseThrow().meetingOn()));
            until(browser, () -> browser.findElement(By.id("list-saved")).getText().equals("Записано"));
            // The others on the list get the same meeting, so the list is whole.
            lists.setMeeting(list, meeting, c.id(), null, "page-test");
        } finally {
            browser.quit();
        }

        ChromeDriver second = Browser.start();
        try {
            Browser.signIn(second, port, "/certification", head);
            By row = By.cssSelector("[data-list-id='" + list + "']");
            until(second, () -> !second.findElements(row).isEmpty());
            second.findElement(By.cssSelector("button[data-lang=kk]")).click();
            assertThat(second.findElement(row).getText()).contains("жоба");
            second.findElement(row).click();
            until(second, () -> second.findElement(By.id("list-id")).getText().equals(Long.toString(list)));
            assertThat(second.findElement(By.id("approve")).getText()).isEqualTo("Тізімді бекіту");
            second.findElement(By.id("approve")).click();
            until(second, () -> "APPROVED".equals(lists.list(list).state()));
            until(second, () -> second.findElement(By.id("list-state")).getText().equals("бекітілген"));
            assertThat(second.findElement(By.id("approve")).isEnabled()).isFalse();
            assertThat(second.findElement(By.id("list-error")).getText()).isEmpty();
            second.findElement(By.cssSelector("button[data-lang=ru]")).click();
            assertThat(second.findElement(By.id("list-state")).getText()).isEqualTo("утверждён");
        } finally {
            second.quit();
        }
    }
}
