package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The personnel pages in a real Chromium, in Russian and Kazakh: the personnel officer registers
 * observers (the fourth refused in the page's language, the refusal listed with its reason) and
 * files an appeal; the employee sees only their own file and acknowledges their profile; a
 * commission member votes and a non-member's vote is refused.
 */
@CallcenterTest
class PersonnelPagesTest {

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
    CalendarService calendar;
    @Autowired
    ProfileService profiles;
    @Autowired
    MeetingService meetings;
    @Autowired
    ObserverService observers;
    @Autowired
    OwnFileService files;

    private ChromeDriver browser;
    private String run;
    private String personnel;
    private String chair;
    private String secretary;
    private String member;
    private String outsider;
    private String worker;
    private Commission commission;
    private final PreparationCalendar rules = new PreparationCalendar(Preparation.regulation());

    @BeforeEach
    void start() {
        run = UUID.randomUUID().toString().substring(0, 8);
        personnel = Api.user(users, "pp-personnel-" + run, Role.PERSONNEL);
        chair = Api.user(users, "pp-chair-" + run, Role.SUPERVISOR);
        secretary = Api.user(users, "pp-secretary-" + run, Role.SUPERVISOR);
        member = Api.user(users, "pp-member-" + run, Role.SUPERVISOR);
        outsider = Api.user(users, "pp-outsider-" + run, Role.SUPERVISOR);
        worker = Api.user(users, "pp-worker-" + run, Role.OPERATOR);
        commission = new CommissionFixture(context).create("Комиссия " + run, chair, secretary, List.of(chair, secretary, member),
                "page-test");
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private Employee employee(String name) {
        return employees.create("PP-" + run + "-" + UUID.randomUUID().toString().substring(0, 4), name,
                List.of(Posting.post(employees.today().minusYears(3).minusDays(2), null, "оператор")), "page-test");
    }

    private long interviewed(Employee e) {
        long caseId = cases.open(e.id(), commission.id(), "page-test").id();
        cases.record(caseId, "PREPARATION", "DONE", null, null, null, "page-test");
        cases.record(caseId, "STANDARDS", "PASSED", null, null, null, "page-test");
        cases.record(caseId, "TEST", null, 91, null, null, "page-test");
        cases.record(caseId, "POLYGRAPH", "DONE", null, null, null, "page-test");
        cases.record(caseId, "INTERVIEW", "ATTENDED", null, null, null, "page-test");
        return caseId;
    }

    /** The nearest meeting day whose observers' window is open today. */
    private LocalDate openMeeting(long caseId) {
        LocalDate today = employees.today();
        for (LocalDate d = today.plusDays(1); ; d = d.plusDays(1)) {
            if (!rules.observersFrom(d).isAfter(today) && !rules.observersUntil(d).isBefore(today)) {
                calendar.setMeeting(caseId, d, "page-test");
                return d;
            }
        }
    }

    private void until(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(Browser.dump(browser), e);
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void type(String id, String value) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(value);
    }

    private void lang(String l) {
        browser.findElement(By.cssSelector("button[data-lang=" + l + "]")).click();
    }

    private void date(String id, LocalDate day) {
        // A date input takes the date as the browser's locale types it; the value set directly is ISO.
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, day.toString());
    }

    @Test
    void personnelRegisterObserversAndFileAnAppealTheEmployeeSeesOnlyTheirFileAndMembersVote() {
        Employee own = employee("Жұмабаев Арман " + run);
        Employee other = employee("Другой Сотрудник " + run);
        files.link(own.id(), worker, "page-test");
        long caseId = interviewed(own);
        LocalDate meeting = openMeeting(caseId);
        Map<String, String> sections = new LinkedHashMap<>();
        ServiceProfile.SECTIONS.forEach(s -> sections.put(s, "Характеристика: " + s));
        profiles.write(caseId, sections, null, chair);
        profiles.sign(caseId, 1, chair);
        for (String name : List.of("Первый", "Второй")) {
            observers.apply(commission.id(), meeting, new ObserverService.Application(name + " " + run, "ID-" + name + run,
                    "DEPUTY", null, null, false), "page-test");
        }
        long decided = interviewed(other);
        meetings.attendance(decided, Set.of(chair, secretary, member), secretary);
        for (String who : List.of(chair, secretary, member)) {
            meetings.vote(decided, "CORRESPONDS", who);
        }
        meetings.decide(decided, null, secretary);

        // The personnel officer, in Russian: the third observer is admitted, the fourth refused.
        Browser.signIn(browser, port, "/certification", personnel);
        until(() -> !browser.findElements(By.cssSelector("#observer-commission option[value='" + commission.id() + "']"))
                .isEmpty());
        new Select(browser.findElement(By.id("observer-commission"))).selectByValue(Long.toString(commission.id()));
        date("observer-meeting", meeting);
        type("observer-name", "Третий " + run);
        type("observer-document", "ID-3-" + run);
        browser.findElement(By.id("observer-save")).click();
        until(() -> browser.findElements(By.cssSelector("#observers tr[data-status=ADMITTED]")).size() == 3);
        assertThat(text("observer-saved")).isEqualTo("Записано");

        lang("kk");
        type("observer-name", "Төртінші " + run);
        type("observer-document", "ID-4-" + run);
        new Select(browser.findElement(By.id("observer-capacity"))).selectByValue("PUBLIC_ASSOCIATION");
        browser.findElement(By.id("observer-save")).click();
        until(() -> text("observer-error").equals("Бақылаушыларға орын жоқ: 3-ден артық жіберілмейді."));
        until(() -> browser.findElements(By.cssSelector("#observers tr[data-status=REFUSED]")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#observers tr[data-status=REFUSED]")).getText())
                .contains("Төртінші " + run, "бас тартылды", "орын жоқ: үш бақылаушыдан артық жіберілмейді");
        lang("ru");
        until(() -> browser.findElement(By.cssSelector("#observers tr[data-status=REFUSED]")).getText()
                .contains("мест нет: допускается не более трёх наблюдателей"));
        assertThat(text("observer-error")).isEqualTo("Мест для наблюдателей нет: допускается не более 3.");

        // ... and files the other employee's appeal against a decision.
        type("appeal-case", Long.toString(decided));
        type("appeal-grounds", "Не согласен с решением " + run);
        browser.findElement(By.id("appeal-save")).click();
        until(() -> browser.findElements(By.cssSelector("#appeals tr[data-appeal-id]")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#appeals tr[data-appeal-id]")).getText())
                .contains("Не согласен с решением " + run, "не рассмотрена");

        // The employee, in Kazakh: their own file only, and they acknowledge their profile themselves.
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "/certification/mine", worker);
        until(() -> text("employee-name").equals(own.fullName()));
        assertThat(browser.getPageSource()).doesNotContain(other.fullName());
        assertThat(browser.findElements(By.cssSelector("#cases [data-case-id]"))).hasSize(1);
        lang("kk");
        until(() -> text("due-status").equals("жатады"));
        assertThat(text("due-reason")).isEqualTo("3 жыл үздіксіз қызмет");
        By ack = By.cssSelector("[data-case-id='" + caseId + "'] [data-action=acknowledge]");
        until(() -> browser.findElement(ack).getText().equals("Таныстым"));
        browser.findElement(By.cssSelector("[data-case-id='" + caseId + "'] [data-field=added]"))
                .sendKeys("Қосымша мәлімет");
        browser.findElement(ack).click();
        until(() -> !browser.findElements(By.cssSelector("[data-case-id='" + caseId + "'] [data-part=acknowledgement]"))
                .isEmpty());
        assertThat(profiles.profile(caseId).acknowledgement().recordedBy()).isEqualTo(worker);
        assertThat(text("saved")).isEqualTo("Жазылды");

        // A member of the commission votes on the case; someone from outside it is refused.
        meetings.attendance(caseId, Set.of(chair, member), secretary);
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "/certification", member);
        lang("ru");
        By mine = By.cssSelector("#my-cases tr[data-case-id='" + caseId + "']");
        until(() -> !browser.findElements(mine).isEmpty());
        browser.findElement(mine).click();
        until(() -> browser.findElement(By.id("hearing")).isDisplayed());
        new Select(browser.findElement(By.id("vote-decision"))).selectByValue("CORRESPONDS");
        browser.findElement(By.id("vote-save")).click();
        until(() -> browser.findElement(By.cssSelector("[data-member='" + member + "']")).getText()
                .contains("соответствует занимаемой должности"));

        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "/certification", outsider);
        lang("ru");
        until(() -> browser.findElement(By.id("hearing-case")).isDisplayed());
        type("hearing-case", Long.toString(caseId));
        browser.findElement(By.id("hearing-open")).click();
        until(() -> browser.findElement(By.id("hearing")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#my-cases tr"))).isEmpty();
        browser.findElement(By.id("vote-save")).click();
        until(() -> text("meeting-error").equals("Вы не член этой аттестационной комиссии."));
        lang("kk");
        until(() -> text("meeting-error").equals("Сіз осы аттестаттау комиссиясының мүшесі емессіз."));
        assertThat(meetings.meeting(caseId).votes()).extracting(JdbcMeetingRepository.Vote::username)
                .containsExactly(member);
    }

    @Test
    void personnelCreateACommissionSeeTheRefusalInKazakhAndChangeTheComposition() {
        String newcomer = new CommissionFixture(context).officer("pp-newcomer-" + run, CommissionFixture.SENIOR, false,
                false);
        Browser.signIn(browser, port, "/certification", personnel);
        until(() -> !browser.findElements(By.cssSelector("#commissions tr[data-commission-id='" + commission.id() + "']"))
                .isEmpty());
        lang("kk");
        type("commission-name", "Жаңа комиссия " + run);
        type("commission-chair", chair);
        type("commission-secretary", secretary);
        type("commission-members", chair + ", " + secretary + ", pp-nobody-" + run);
        browser.findElement(By.id("commission-create")).click();
        until(() -> text("commission-error").contains("есептік жазбасы жоқ"));
        assertThat(text("commission-error")).contains("pp-nobody-" + run);

        browser.findElement(By.cssSelector("#commissions tr[data-commission-id='" + commission.id() + "']")).click();
        type("commission-members", chair + ", " + secretary + ", " + newcomer);
        type("commission-reason", "бұйрық № 5");
        browser.findElement(By.id("commission-change")).click();
        until(() -> text("commission-saved").equals("Жазылды"));
        assertThat(employees.commission(commission.id()).members()).containsExactly(chair, secretary, newcomer);
    }
}
