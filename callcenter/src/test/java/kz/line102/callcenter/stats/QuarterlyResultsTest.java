package kz.line102.callcenter.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.UserService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The quarterly results (order 439 item 33): the figures of the quarter, rendered in
 * Russian and Kazakh, signed off once into a frozen snapshot; and the live thresholds
 * raise one alert per breach.
 */
@CallcenterTest
class QuarterlyResultsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;
    @Autowired
    Breaches breaches;

    @Test
    void aQuarterIsCountedRenderedInRussianAndKazakhAndSignedOffOnce() throws Exception {
        Api api = new Api(port);
        String supervisor = StatsUsers.supervisor(users);
        int year = 1000 + ThreadLocalRandom.current().nextInt(990);
        String quarter = year + "-Q2";
        Instant at = LocalDate.of(year, 5, 10).atTime(10, 0).atZone(ZoneId.of("Asia/Almaty")).toInstant();
        for (String outcome : List.of("answered", "abandoned")) {
            Timestamp o = Timestamp.from(at);
            jdbc.update("""
                    insert into calls (id, caller_number, caller_number_e164, queue, outcome, offered_at, queued_at,
                        answered_at, ended_at, wait_seconds, talk_seconds)
                    values (?, '+77015550000', '+77015550000', 'q102', ?, ?, ?, ?, ?, 30, 20)
                    """, UUID.randomUUID(), outcome, o, o, outcome.equals("answered") ? o : null, o);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/stats/quarters/" + quarter, supervisor)
                .json().path("summary").path("callsReceived").asLong() == 2);
        JsonNode open = api.get("/api/v1/stats/quarters/" + quarter, supervisor).json();
        assertThat(open.path("state").asString()).isEqualTo("open");
        assertThat(open.path("summary").path("callsProcessed").asLong()).isEqualTo(1);
        assertThat(open.path("summary").path("abandoned").asLong()).isEqualTo(1);

        Api.Response signed = api.json("POST", "/api/v1/stats/quarters/" + quarter + "/sign-off", supervisor, null);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().path("state").asString()).isEqualTo("signed");
        assertThat(signed.json().path("intact").asBoolean()).isTrue();
        assertThat(signed.json().path("sha256").asString()).matches("[0-9a-f]{64}");
        Api.Response again = api.json("POST", "/api/v1/stats/quarters/" + quarter + "/sign-off", supervisor, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("quarter-already-signed");

        for (Map.Entry<String, String> lang : Map.of("ru", "Результаты работы центра за квартал",
                "kk", "Орталықтың тоқсандағы жұмыс нәтижелері").entrySet()) {
            Api.Response pdf = api.send("GET", "/api/v1/stats/quarters/" + quarter + ".pdf?lang=" + lang.getKey(),
                    supervisor, null, null);
            assertThat(pdf.status()).isEqualTo(200);
            byte[] bytes = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/stats/quarters/" + quarter
                                    + ".pdf?lang=" + lang.getKey()))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (supervisor + ":" + Api.PASSWORD).getBytes()))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            try (var doc = Loader.loadPDF(bytes)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains(lang.getValue()).contains(signed.json().path("sha256").asString());
            }
        }
        Api.Response running = api.json("POST", "/api/v1/stats/quarters/2999-Q1/sign-off", supervisor, null);
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.code()).isEqualTo("quarter-not-ended");
        Api.Response bad = api.json("POST", "/api/v1/stats/quarters/2026-Q5/sign-off", supervisor, null);
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void aBreachRaisesOneAlertUntilItClears() {
        String queue = "q-" + UUID.randomUUID().toString().substring(0, 8);
        Figures none = Figures.of(new Tally(), 15, 5);
        LiveStats.QueueLive busy = new LiveStats.QueueLive(queue, 9, 10, Map.of("1h", none));
        LiveStats.QueueLive calm = new LiveStats.QueueLive(queue, 0, 0, Map.of("1h", none));
        breaches.check(new LiveStats.Snapshot(Instant.now(), "Asia/Almaty", Map.of(), List.of(busy)));
        breaches.check(new LiveStats.Snapshot(Instant.now().plusSeconds(1), "Asia/Almaty", Map.of(), List.of(busy)));
        assertThat(alerts(queue)).as("one breach, one alert").isEqualTo(1);
        breaches.check(new LiveStats.Snapshot(Instant.now().plusSeconds(2), "Asia/Almaty", Map.of(), List.of(calm)));
        breaches.check(new LiveStats.Snapshot(Instant.now().plusSeconds(3), "Asia/Almaty", Map.of(), List.of(busy)));
        assertThat(alerts(queue)).as("a new breach after it cleared").isEqualTo(2);
    }

    private long alerts(String queue) {
        return jdbc.queryForObject("select count(*) from alerts where kind = 'stats-waiting-high' and dedup_key like ?",
                Long.class, "stats-waiting-high:" + queue + ":%");
    }
}
