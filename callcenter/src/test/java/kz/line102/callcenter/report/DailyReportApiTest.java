package kz.line102.callcenter.report;

import static kz.line102.callcenter.report.ReportFixtures.DUTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.incident.Watches;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The report over HTTP: JSON, CSV and PDF; the sign-off and what it freezes; bad dates. */
@CallcenterTest
class DailyReportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentJobs jobs;
    @Autowired
    IncidentProperties props;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Watches watches;

    Api api;
    ReportFixtures f;
    String duty;
    String other;
    String auditor;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        f = new ReportFixtures(incidents, jobs, props, jdbc);
        Api.user(users, "report-admin", Role.ADMIN);
        duty = Api.user(users, "report-duty", Role.SUPERVISOR);
        other = Api.user(users, "report-duty-2", Role.SUPERVISOR);
        auditor = Api.user(users, "report-auditor", Role.AUDITOR);
    }

    /** A past watch with one card worked off and one still with its unit. */
    record Watch(LocalDate day, UUID workedOff, UUID dispatched) {
    }

    Watch watchWithTwoCards() {
        LocalDate day = f.freshDay();
        UUID workedOff = f.registered("CRIMINAL_OFFENCE", "theft", "г. Астана, ул. Кенесары, 40",
                f.at(day, LocalTime.of(9, 15)));
        UUID dispatched = f.registered("ADMINISTRATIVE_OFFENCE", "domestic-conflict", "мкр. Көктал-1, 12",
                f.at(day.plusDays(1), LocalTime.of(3, 40)));
        incidents.workOff(DUTY, workedOff, f.version(workedOff), "Похищенное возвращено, заявитель опрошен", null);
        incidents.dispatch(DUTY, dispatched, f.version(dispatched), null);
        assertThat(f.lineStatus(workedOff)).isEqualTo("WORKED_OFF");
        assertThat(f.lineStatus(dispatched)).isEqualTo("DISPATCHED");
        return new Watch(day, workedOff, dispatched);
    }

    @Test
    void theReportListsTheWatchsCardsAsJsonCsvAndPdf() throws IOException {
        Watch w = watchWithTwoCards();
        String kui1 = incidents.get(w.workedOff()).kuiNumber();
        String kui2 = incidents.get(w.dispatched()).kuiNumber();

        Response json = api.get("/api/v1/reports/daily/" + w.day(), duty);
        assertThat(json.status()).isEqualTo(200);
        JsonNode r = json.json();
        assertThat(r.path("state").asString()).isEqualTo("open");
        assertThat(r.path("watch").path("start").asString())
                .isEqualTo(f.at(w.day(), LocalTime.of(8, 0)).toString());
        assertThat(r.path("lines").size()).isEqualTo(2);
        assertThat(r.path("lines").get(0).path("kuiNumber").asString()).isEqualTo(kui1);
        assertThat(r.path("lines").get(0).path("result").asString())
                .isEqualTo("Похищенное возвращено, заявитель опрошен");
        assertThat(r.path("lines").get(1).path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(r.path("totals").path("byOutcome").path("WORKED_OFF").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/reports/daily/" + w.day(), auditor).status()).isEqualTo(200);

        byte[] csv = bytes("/api/v1/reports/daily/" + w.day() + ".csv", duty, "text/csv");
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setDelimiter(';').get().parse(new StringReader(text))
                .getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(1)).isEqualTo("Номер КУИ");
        assertThat(rows.get(1).get(1)).isEqualTo(kui1);
        assertThat(rows.get(1).get(4)).isEqualTo("Кража");
        assertThat(rows.get(1).get(10)).isEqualTo("Похищенное возвращено, заявитель опрошен");
        assertThat(rows.get(2).get(1)).isEqualTo(kui2);
        assertThat(rows.get(2).get(6)).isEqualTo("мкр. Көктал-1, 12");
        // A number as the network sent it stays text in a spreadsheet.
        assertThat(rows.get(2).get(7)).startsWith("'+7717255");
        String kk = new String(bytes("/api/v1/reports/daily/" + w.day() + ".csv?lang=kk", duty, "text/csv"),
                StandardCharsets.UTF_8);
        assertThat(kk).contains("Мекенжай", "Ұрлық");

        byte[] pdf = bytes("/api/v1/reports/daily/" + w.day() + ".pdf", duty, "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String page = new PDFTextStripper().getText(doc);
            assertThat(page).contains("Суточная оперативная сводка", "Не подписана", kui1, kui2, "Кража",
                    "мкр. Көктал-1, 12", "Сейтқали Әбілқайыр");
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.getName()).contains("DejaVuSans");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void aLongReportRunsOverSeveralPagesWithItsHeaderOnEach() throws IOException {
        LocalDate day = f.freshDay();
        String longResult = "Проведена беседа с соседями, составлен протокол, материал передан участковому. ".repeat(4);
        for (int i = 0; i < 24; i++) {
            UUID id = f.registered("OTHER", "information", "ул. Жібек жолы, " + i, f.at(day, LocalTime.of(9, i)));
            incidents.workOff(DUTY, id, f.version(id), longResult, null);
            f.fedFully(id);
        }
        byte[] pdf = bytes("/api/v1/reports/daily/" + day + ".pdf?lang=en", duty, "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertThat(second.getText(doc)).contains("KUI number", "Result", "page 2 of " + doc.getNumberOfPages());
            assertThat(new PDFTextStripper().getText(doc)).contains("ул. Жібек жолы, 23", "Cards: 24");
        }
    }

    @Test
    void theSignOffFreezesTheReportAndEveryCardOfTheWatch() throws IOException {
        Watch w = watchWithTwoCards();
        JsonNode before = api.get("/api/v1/reports/daily/" + w.day(), duty).json();

        Response signed = api.json("POST", "/api/v1/reports/daily/" + w.day() + "/sign-off", duty, null);
        assertThat(signed.status()).isEqualTo(200);
        JsonNode s = signed.json();
        assertThat(s.path("state").asString()).isEqualTo("signed");
        assertThat(s.path("signedBy").asString()).isEqualTo(duty);
        assertThat(s.path("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(s.path("intact").asBoolean()).isTrue();
        assertThat(s.path("lines")).isEqualTo(before.path("lines"));

        // The card still with its unit can no longer be worked off, nor edited.
        Response refused = api.json("POST", "/api/v1/incidents/" + w.dispatched() + "/work-off", duty,
                "{\"result\":\"позже\",\"version\":" + f.version(w.dispatched()) + "}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("report-signed");
        assertThat(refused.json().path("reason").asString()).contains(duty, w.day().toString());
        assertThat(refused.json().path("signedBy").asString()).isEqualTo(duty);
        assertThatThrownBy(() -> incidents.close(DUTY, w.workedOff(), null, null))
                .isInstanceOf(ReportSignedException.class);
        assertThat(incidents.get(w.dispatched()).status()).isEqualTo(IncidentStatus.DISPATCHED);

        JsonNode after = api.get("/api/v1/reports/daily/" + w.day(), duty).json();
        assertThat(after).isEqualTo(s);
        assertThat(api.get("/api/v1/reports/daily/" + w.day(), auditor).json()).isEqualTo(s);
        byte[] pdf = bytes("/api/v1/reports/daily/" + w.day() + ".pdf", duty, "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Подписана", duty,
                    s.path("sha256").asString());
        }
        // Not even the application's own database user changes a sign-off.
        assertThatThrownBy(() -> jdbc.update("update report_signoffs set signed_by = 'someone' where watch_day = ?",
                w.day())).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void theSignOffTakesTheCardsAsTheyAreEvenWhenTheirFeedJobHasNotRun() {
        Watch w = watchWithTwoCards();
        // A change whose feed job is stuck (parked as dead, say): the sign-off must not sign the old line.
        jdbc.update("update incidents set result = 'уточнено до подписания', version = version + 1 where id = ?",
                w.workedOff());
        JsonNode s = api.json("POST", "/api/v1/reports/daily/" + w.day() + "/sign-off", duty, null).json();
        assertThat(s.path("lines").get(0).path("result").asString()).isEqualTo("уточнено до подписания");
    }

    @Test
    void aChangeTheFeedSeesAfterTheSignOffIsKeptBesideTheSignedReportNotInIt() {
        Watch w = watchWithTwoCards();
        JsonNode s = api.json("POST", "/api/v1/reports/daily/" + w.day() + "/sign-off", duty, null).json();
        // Something changed the card behind the service's back; its feed job runs after the sign-off.
        jdbc.update("update incidents set status = 'WORKED_OFF', result = 'изменено после подписания',"
                + " version = version + 1 where id = ?", w.dispatched());
        jobs.enqueue(w.dispatched(), DailyReportFeed.STEP, "late-change", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/reports/daily/" + w.day(), duty).json()
                .path("addenda").size() == 1);

        JsonNode after = api.get("/api/v1/reports/daily/" + w.day(), duty).json();
        assertThat(after.path("lines")).isEqualTo(s.path("lines"));
        assertThat(after.path("totals")).isEqualTo(s.path("totals"));
        assertThat(after.path("sha256")).isEqualTo(s.path("sha256"));
        assertThat(after.path("addenda").get(0).path("line").path("result").asString())
                .isEqualTo("изменено после подписания");
        // The same reading again adds nothing.
        long job = jobs.forIncident(w.dispatched()).stream().filter(j -> j.target().equals("late-change"))
                .findFirst().orElseThrow().id();
        jobs.replay(job);
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(job).orElseThrow().status().equals("done"));
        assertThat(api.get("/api/v1/reports/daily/" + w.day(), duty).json().path("addenda").size()).isEqualTo(1);
    }

    @Test
    void aSecondSignOffIsRefusedAndNamesWhoSigned() {
        LocalDate day = f.freshDay();
        assertThat(api.json("POST", "/api/v1/reports/daily/" + day + "/sign-off", duty, null).status())
                .isEqualTo(200);
        Response again = api.json("POST", "/api/v1/reports/daily/" + day + "/sign-off", other, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("report-already-signed");
        assertThat(again.json().path("signedBy").asString()).isEqualTo(duty);
        assertThat(again.json().path("reason").asString()).contains(duty);
        assertThat(api.get("/api/v1/reports/daily/" + day, other).json().path("signedBy").asString()).isEqualTo(duty);
    }

    @Test
    void aWatchThatHasNotEndedIsNotSignedOff() {
        LocalDate current = watches.current().day();
        Response refused = api.json("POST", "/api/v1/reports/daily/" + current + "/sign-off", duty, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("watch-not-ended");
        assertThat(refused.json().path("reason").asString()).contains(current.toString(), "runs until");
        assertThat(jdbc.queryForObject("select count(*) from report_signoffs where watch_day = ?", Integer.class,
                current)).isZero();
        JsonNode open = api.get("/api/v1/reports/daily/" + current, duty).json();
        assertThat(open.path("state").asString()).isEqualTo("open");
        assertThat(open.path("ended").asBoolean()).isFalse();
        JsonNode now = api.get("/api/v1/reports/daily", duty).json();
        assertThat(now.path("current").asString()).isEqualTo(current.toString());
        assertThat(now.path("lastEnded").asString()).isEqualTo(current.minusDays(1).toString());
    }

    @Test
    void badDatesAreRefusedWithAClearMessage() {
        for (String bad : List.of("2026-02-30", "yesterday", "24.11.2026", "2026-1-5")) {
            Response r = api.get("/api/v1/reports/daily/" + bad, duty);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.code()).as(bad).isEqualTo("invalid-date");
            assertThat(r.json().path("reason").asString()).as(bad).contains(bad, "YYYY-MM-DD");
        }
        Response future = api.get("/api/v1/reports/daily/" + watches.current().day().plusDays(1), duty);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("reason").asString()).contains("has not begun");
        Response signFuture = api.json("POST", "/api/v1/reports/daily/2999-01-01/sign-off", duty, null);
        assertThat(signFuture.status()).isEqualTo(400);
        assertThat(signFuture.code()).isEqualTo("invalid-date");
        assertThat(api.get("/api/v1/reports/daily/1999-12-31.pdf", duty).code()).isEqualTo("invalid-date");
        Response format = api.get("/api/v1/reports/daily/2020-01-01.xls", duty);
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.code()).isEqualTo("invalid-date");
        assertThat(format.json().path("reason").asString()).contains(".csv", ".pdf");
        Response lang = api.get("/api/v1/reports/daily/2020-01-01.csv?lang=de", duty);
        assertThat(lang.status()).isEqualTo(400);
        assertThat(lang.json().path("reason").asString()).contains("ru, kk or en");
    }

    private byte[] bytes(String path, String user, String type) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(type);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
