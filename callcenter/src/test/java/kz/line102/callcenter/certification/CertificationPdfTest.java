package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The certification papers as PDFs, read back with PDFBox: the service profile, the voting
 * list, the minutes and the certification sheet carry their Russian and Kazakh words, the
 * employee, the votes and the decision.
 */
@CallcenterTest
class CertificationPdfTest {

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

    Api api;
    String personnel;
    String run;
    long caseId;

    @BeforeEach
    void aDecidedCaseWithItsProfile() {
        api = new Api(port);
        personnel = Api.user(users, "pdf-personnel-service", Role.PERSONNEL);
        run = UUID.randomUUID().toString().substring(0, 8);
        Employee e = employees.create("PDF-" + run, "Тоқтарова Гүлнұр " + run,
                List.of(Posting.post(employees.today().minusYears(3).minusDays(4), null, "инспектор-кезекші")),
                "pdf-test");
        Commission c = new CommissionFixture(context).create("Аттестациялық комиссия " + run, "chair-" + run,
                "secretary-" + run, List.of("chair-" + run, "secretary-" + run, "member-" + run), "pdf-test");
        caseId = cases.open(e.id(), c.id(), "pdf-test").id();
        profiles.write(caseId, Map.of("PERFORMANCE", "Міндеттерін адал атқарады", "STRATEGIC_DOCUMENTS", "Біледі",
                "LAW", "Заңдылықты сақтайды", "ETHICS", "Тәртіп бұзушылық жоқ", "PERSONAL_QUALITIES", "Ұстамды",
                "FINAL_ASSESSMENT", "Лауазымына сәйкес"), null, "head-" + run);
        profiles.sign(caseId, 1, "head-" + run);
        profiles.acknowledge(caseId, true, "Бағамен келіспеймін", null, null, "pdf-test");
        cases.record(caseId, "PREPARATION", "DONE", null, null, null, "pdf-test");
        cases.record(caseId, "STANDARDS", "PASSED", null, null, null, "pdf-test");
        cases.record(caseId, "TEST", null, 88, null, null, "pdf-test");
        cases.record(caseId, "POLYGRAPH", "DONE", null, null, null, "pdf-test");
        cases.record(caseId, "INTERVIEW", "ATTENDED", null, null, null, "pdf-test");
        cases.decide(caseId, Set.of("chair-" + run, "secretary-" + run), Map.of("chair-" + run, "CORRESPONDS_RESERVE",
                "secretary-" + run, "CORRESPONDS"), null, "pdf-test");
    }

    private String text(String kind, String lang) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/certification/cases/" + caseId
                + "/documents/" + kind + ".pdf?lang=" + lang)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((personnel + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            try (PDDocument doc = Loader.loadPDF(r.body())) {
                return new PDFTextStripper().getText(doc);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theServiceProfileRendersInRussianAndKazakh() throws IOException {
        String ru = text("profile", "ru");
        assertThat(ru).contains("СЛУЖЕБНАЯ ХАРАКТЕРИСТИКА", "Тоқтарова Гүлнұр", "Исполнение служебных обязанностей",
                "Міндеттерін адал атқарады", "Подписал непосредственный начальник: head-" + run,
                "С характеристикой ознакомлен", "Бағамен келіспеймін");
        String kk = text("profile", "kk");
        assertThat(kk).contains("ҚЫЗМЕТТІК МІНЕЗДЕМЕ", "Қызметтік міндеттерін атқаруы", "Тікелей басшы қол қойды",
                "Мінездемемен таныстым", "Аттестатталушының қолы");
    }

    @Test
    void theVotingListMinutesAndSheetRenderInRussianAndKazakh() throws IOException {
        assertThat(text("voting-list", "ru")).contains("ЛИСТ ГОЛОСОВАНИЯ", "chair-" + run + " — соответствует"
                + " занимаемой должности и рекомендуется", "Открытое голосование");
        assertThat(text("voting-list", "kk")).contains("ДАУЫС БЕРУ ПАРАҒЫ", "secretary-" + run + " — атқаратын"
                + " лауазымына сәйкес келеді");
        String minutes = text("minutes", "kk");
        assertThat(minutes).contains("АТТЕСТАТТАУ КОМИССИЯСЫ ОТЫРЫСЫНЫҢ ХАТТАМАСЫ", "Қатысқандар: 2",
                "Комиссия төрағасы chair-" + run, "Комиссия хатшысы secretary-" + run);
        assertThat(text("minutes", "ru")).contains("ПРОТОКОЛ ЗАСЕДАНИЯ АТТЕСТАЦИОННОЙ КОМИССИИ", "Присутствовали: 2");
        String sheet = text("sheet", "ru");
        assertThat(sheet).contains("АТТЕСТАЦИОННЫЙ ЛИСТ", "Компьютерное тестирование: сдано (Баллы 88)",
                "инспектор-кезекші", "Подпись аттестуемого");
        assertThat(text("sheet", "kk")).contains("АТТЕСТАТТАУ ПАРАҒЫ", "Компьютерлік тестілеу: тапсырылды",
                "Әңгімелесу: қатысты");
    }

    @Test
    void anUnknownDocumentIsNotFound() {
        assertThat(api.get("/api/v1/certification/cases/" + caseId + "/documents/diploma.pdf", personnel).code())
                .isEqualTo("no-such-document");
    }
}
