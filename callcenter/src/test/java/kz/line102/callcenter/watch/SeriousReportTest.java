package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.incident.Cards;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.jobs.JobRoutes;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports of serious events from a card to the higher instance, over real HTTP: the stand-in
 * for the higher instance answers 503 while {@link #down} is set. Back-off is short, so "down
 * for an hour" is "down until the delivery is dead".
 */
@CallcenterTest
class SeriousReportTest {

    private static final HttpServer INSTANCE;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile boolean down;

    record Received(String idempotencyKey, JsonNode body) {
    }

    static {
        try {
            INSTANCE = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        INSTANCE.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        INSTANCE.createContext("/higher/reports", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean refuse = down;
            if (!refuse) {
                RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        JSON.readTree(new String(body, StandardCharsets.UTF_8))));
            }
            byte[] answer = (refuse ? "unavailable" : "accepted").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(refuse ? 503 : 201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        INSTANCE.start();
    }

    @DynamicPropertySource
    static void instance(DynamicPropertyRegistry registry) {
        String p = "line102.callcenter.watch.serious-reports.";
        registry.add(p + "uri", () -> "http://127.0.0.1:" + INSTANCE.getAddress().getPort() + "/higher/reports");
        registry.add(p + "acting-chiefs[0]", () -> "sr-deputy");
        registry.add(p + "max-attempts", () -> "3");
        registry.add(p + "retry-min", () -> "100ms");
        registry.add(p + "retry-max", () -> "200ms");
        registry.add(p + "poll-interval", () -> "100ms");
        registry.add(p + "lease", () -> "60s");
        registry.add(p + "http-timeout", () -> "4s");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    }

    @AfterAll
    static void stop() {
        INSTANCE.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentJobs jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;
    @Autowired
    SeriousReportService reports;
    @Autowired
    CommissionService commission;
    @Autowired
    SeriousReportPdf pdf;
    @Autowired
    TransactionTemplate tx;

    Api api;
    String duty;
    String deputy;
    String admin;

    @BeforeEach
    void users() {
        down = false;
        api = new Api(port);
        admin = Api.user(users, "sr-admin", Role.ADMIN);
        duty = Api.user(users, "sr-duty", Role.SUPERVISOR);
        deputy = Api.user(users, "sr-deputy", Role.SUPERVISOR);
    }

    private Incident card() {
        UUID id = Cards.draft(incidents, "sr-op", "CRIMINAL_OFFENCE", "robbery", "Астана, ул. Сыганак 10");
        return Cards.registerHere(incidents, jdbc, id);
    }

    private long drafted(Incident card) {
        Api.Response r = api.json("POST", "/api/v1/watch/serious-reports", duty, "{\"kui\":\"" + card.kuiNumber() + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private Optional<IncidentJob> job(UUID incident, long report) {
        return jobs.forIncident(incident).stream().filter(j -> j.step().equals(SeriousReportService.STEP)
                && j.target().equals(SeriousReportService.jobTarget(report))).findFirst();
    }

    private IncidentJob awaitJob(UUID incident, long report, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> job(incident, report).map(j -> j.status().equals(status))
                .orElse(false));
        return job(incident, report).orElseThrow();
    }

    private long receivedFor(long report) {
        return RECEIVED.stream().filter(r -> r.body().path("reportId").asLong() == report).count();
    }

    @Test
    void aReportDraftedFromACardAndSignedByTheChiefIsDeliveredExactlyOnce() {
        Incident card = card();
        long id = drafted(card);
        JsonNode draft = api.get("/api/v1/watch/serious-reports/" + id, duty).json();
        assertThat(draft.path("state").asString()).isEqualTo("draft");
        assertThat(draft.path("kuiNumber").asString()).isEqualTo(card.kuiNumber());
        JsonNode v1 = draft.path("current");
        assertThat(v1.path("eventType").asString()).isNotBlank();
        assertThat(v1.path("place").asString()).isEqualTo("Астана, ул. Сыганак 10");
        assertThat(v1.path("whatHappened").asString()).isEqualTo("the caller saw it happen");
        assertThat(v1.path("occurredAt").asString()).isNotBlank();

        Api.Response edited = api.json("POST", "/api/v1/watch/serious-reports/" + id + "/versions", duty,
                "{\"measures\":\"Оцеплен район, выставлены посты\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("current").path("version").asInt()).isEqualTo(2);
        assertThat(edited.json().path("current").path("place").asString()).isEqualTo("Астана, ул. Сыганак 10");

        Api.Response notChief = api.json("POST", "/api/v1/watch/serious-reports/" + id + "/signature", duty, "{}");
        assertThat(notChief.status()).isEqualTo(403);
        assertThat(notChief.code()).isEqualTo("not-the-chief");
        assertThat(job(card.id(), id)).as("nothing is sent before the chief signs").isEmpty();

        Api.Response signed = api.json("POST", "/api/v1/watch/serious-reports/" + id + "/signature", deputy, "{}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        IncidentJob done = awaitJob(card.id(), id, "done");
        assertThat(receivedFor(id)).isEqualTo(1);
        Received got = RECEIVED.stream().filter(r -> r.body().path("reportId").asLong() == id).findFirst().orElseThrow();
        assertThat(got.idempotencyKey()).isEqualTo(SeriousReportService.idempotencyKey(id));
        assertThat(got.body().path("kuiNumber").asString()).isEqualTo(card.kuiNumber());
        assertThat(got.body().path("version").asInt()).isEqualTo(2);
        assertThat(got.body().path("measures").asString()).isEqualTo("Оцеплен район, выставлены посты");
        assertThat(got.body().path("signedBy").asString()).isEqualTo(deputy);
        assertThat(got.body().path("pdf").asString()).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> reports.report(id).state().equals("sent"));

        // The link from the card: its reports by KUI number.
        JsonNode ofCard = api.get("/api/v1/watch/serious-reports?kui=" + card.kuiNumber(), duty).json();
        assertThat(ofCard.size()).isEqualTo(1);
        assertThat(ofCard.get(0).path("id").asLong()).isEqualTo(id);

        // Run again, as after a node died between the answer and completing the job: not sent twice.
        assertThat(jobs.replay(done.id())).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            IncidentJob j = jobs.find(done.id()).orElseThrow();
            return j.status().equals("done") && j.updatedAt().isAfter(done.updatedAt());
        });
        assertThat(receivedFor(id)).isEqualTo(1);
    }

    @Test
    void theIncomingChiefOfTheLastCompleteCommissionActSigns() {
        String tag = Long.toString(System.nanoTime(), 36);
        String outgoing = Api.user(users, "sr-old-" + tag, Role.SUPERVISOR);
        String incoming = Api.user(users, "sr-new-" + tag, Role.SUPERVISOR);
        List<String> members = List.of("sr-m1-" + tag, "sr-m2-" + tag, "sr-m3-" + tag);
        CommissionService.Act act = commission.draw(duty, new CommissionService.NewAct(outgoing, incoming, members, null,
                List.of(new CommissionService.NewItem("DOCUMENT", "Дела", null, 1, null))));
        Incident card = card();
        long id = drafted(card);
        assertThatThrownBy(() -> reports.sign(id, incoming)).as("the act is not signed by everyone yet")
                .isInstanceOf(WatchProblem.class);
        commission.sign(act.id(), outgoing);
        commission.sign(act.id(), incoming);
        members.forEach(m -> commission.sign(act.id(), m));
        assertThat(reports.sign(id, incoming).signature().signedBy()).isEqualTo(incoming);
        awaitJob(card.id(), id, "done");
        assertThat(receivedFor(id)).isEqualTo(1);
    }

    @Test
    void aSignedReportCannotBeEditedNorChangedInTheDatabase() {
        Incident card = card();
        long id = drafted(card);
        api.json("POST", "/api/v1/watch/serious-reports/" + id + "/signature", deputy, "{}");
        Api.Response edit = api.json("POST", "/api/v1/watch/serious-reports/" + id + "/versions", duty,
                "{\"whatHappened\":\"другое\"}");
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.code()).isEqualTo("report-signed");
        Api.Response again = api.json("POST", "/api/v1/watch/serious-reports/" + id + "/signature", deputy, "{}");
        assertThat(again.status()).isEqualTo(409);

        assertThatThrownBy(() -> jdbc.update("""
                insert into watch_serious_report_versions (report_id, version, event_type, place, what_happened, units,
                    measures, edited_by) values (?, 9, 'x', '', 'x', '', '', 'sr-duty')""", id))
                .hasStackTraceContaining("is signed: it is never changed");
        assertThatThrownBy(() -> jdbc.update(
                "update watch_serious_report_versions set what_happened = 'x' where report_id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from watch_serious_report_signatures where report_id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThat(reports.report(id).current().whatHappened()).isEqualTo("the caller saw it happen");
    }

    @Test
    void anInstanceDownUntilTheDeliveryIsDeadIsReplayedFromTheDeadLettersAndDeliveredOnce() {
        down = true;
        Incident card = card();
        long id = drafted(card);
        api.json("POST", "/api/v1/watch/serious-reports/" + id + "/signature", deputy, "{}");
        IncidentJob dead = awaitJob(card.id(), id, "dead");
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).contains("503");
        assertThat(reports.report(id).state()).isEqualTo("dead");
        assertThat(receivedFor(id)).isZero();

        JsonNode letter = null;
        for (JsonNode l : api.get("/api/v1/admin/dead-letters", admin).json().path("items")) {
            if (l.path("jobId").asLong() == dead.id()) {
                letter = l;
            }
        }
        assertThat(letter).as("dead letter of job %s", dead.id()).isNotNull();
        assertThat(letter.path("step").asString()).isEqualTo(SeriousReportService.STEP);
        assertThat(letter.path("kuiNumber").asString()).isEqualTo(card.kuiNumber());

        down = false;
        Api.Response replay = api.json("POST", "/api/v1/admin/dead-letters/" + dead.id() + "/replay", admin, null);
        assertThat(replay.status()).isEqualTo(202);
        awaitJob(card.id(), id, "done");
        assertThat(receivedFor(id)).isEqualTo(1);
        assertThat(reports.report(id).state()).isEqualTo("sent");
    }

    @Test
    void aNodeThatDiesMidSendLeavesTheReportToAnotherOnceItsLeaseRunsOut() {
        Incident card = card();
        long id = drafted(card);
        // Signed on a node that claims the delivery in the same breath and dies holding it.
        tx.executeWithoutResult(s -> {
            reports.sign(id, deputy);
            jdbc.update("""
                    update incident_jobs set status = 'running', attempts = 1, claimed_by = 'dead-node',
                        lease_until = clock_timestamp() + interval '2 seconds'
                    where incident_id = ? and step = ? and target = ?""", card.id(), SeriousReportService.STEP,
                    SeriousReportService.jobTarget(id));
        });
        assertThat(job(card.id(), id).orElseThrow().claimedBy()).isEqualTo("dead-node");
        IncidentJob done = awaitJob(card.id(), id, "done");
        assertThat(done.claimedBy()).isEqualTo(JobRoutes.NODE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(receivedFor(id)).isEqualTo(1);
    }

    @Test
    void thePdfPrintsInRussianAndKazakh() throws IOException {
        Incident card = card();
        long id = drafted(card);
        api.json("POST", "/api/v1/watch/serious-reports/" + id + "/versions", duty,
                "{\"measures\":\"Қызметкерлер жіберілді\"}");
        for (String lang : List.of("ru", "kk")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.write(reports.report(id), WatchTexts.of(lang), out);
            try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains(card.kuiNumber()).contains("Қызметкерлер жіберілді")
                        .contains(lang.equals("ru") ? "Донесение о чрезвычайном происшествии"
                                : "Төтенше оқиға туралы хабарлама");
            }
        }
        Api.Response served = api.get("/api/v1/watch/serious-reports/" + id + ".pdf?lang=kk", duty);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("application/pdf");
    }
}
