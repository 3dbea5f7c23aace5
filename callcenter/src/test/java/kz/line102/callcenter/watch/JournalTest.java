package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
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
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The journal engine: numbering, corrections, refusals, the database's append-only guard, search and exports. */
@CallcenterTest
class JournalTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WatchProperties props;
    @Autowired
    JournalService journals;

    Api api;
    String duty;
    String watch;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "watch-admin", Role.ADMIN);
        duty = Api.user(users, "journal-duty", Role.SUPERVISOR);
        watch = WatchFixtures.freshWatch(jdbc, props);
    }

    private Response write(String kind, String json) {
        return api.json("POST", "/api/v1/watch/journals/" + kind + "/entries", duty, json);
    }

    @Test
    void aCorrectionIsANewEntryThatRefersToTheOldOneAndTheOldOneStays() {
        String marker = "М" + System.nanoTime();
        JsonNode first = write("telegrams-in", "{\"watch\":\"" + watch + "\",\"text\":\"Телеграмма " + marker
                + " о краже\",\"fields\":{\"sender\":\"УП г. Астаны\",\"crime\":\"да\",\"reportedTo\":\"начальнику ЦОУ\"}}").json();
        Response fix = write("telegrams-in", "{\"watch\":\"" + watch + "\",\"text\":\"Исполнено " + marker
                + "\",\"corrects\":" + first.get("id").asLong() + ",\"fields\":{\"execution\":\"Наряд направлен\"}}");
        assertThat(fix.status()).as(fix.body()).isEqualTo(201);
        assertThat(fix.json().get("correctsNumber").asInt()).isEqualTo(first.get("number").asInt());
        assertThat(fix.json().get("number").asInt()).isGreaterThan(first.get("number").asInt());

        JsonNode found = api.get("/api/v1/watch/journals/telegrams-in/entries?q="
                + URLEncoder.encode(marker, StandardCharsets.UTF_8), duty).json();
        assertThat(found).hasSize(2);
        JsonNode old = found.get(1);
        assertThat(old.get("text").asString()).contains("о краже");
        assertThat(old.get("correctedBy").get(0).asInt()).isEqualTo(fix.json().get("number").asInt());
        JsonNode byNumber = api.get("/api/v1/watch/journals/telegrams-in/entries?number=" + first.get("number").asInt()
                + "&year=" + first.get("year").asInt(), duty).json();
        assertThat(byNumber).hasSize(1);
        // Reading a confidential register is audited, with the entries read.
        assertThat(jdbc.queryForObject("select count(*) from watch_audit where action = 'confidential-read' and actor = ?"
                + " and detail->'entries' @> jsonb_build_array(?::text)", Integer.class, duty,
                first.get("year").asInt() + "/" + first.get("number").asInt())).isGreaterThanOrEqualTo(1);

        // The database itself refuses to change or delete an entry.
        assertThatThrownBy(() -> jdbc.update("update watch_entries set text = 'x' where id = ?", first.get("id").asLong()))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from watch_entries where id = ?", first.get("id").asLong()))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void badEntriesAreRefusedAndWriteNothing() {
        Integer before = jdbc.queryForObject("select count(*) from watch_entries", Integer.class);
        Response missing = write("notebook", "{\"watch\":\"" + watch + "\",\"text\":\"Исправление\",\"corrects\":999999999}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("no-such-entry");
        long other = write("official-reports", "{\"watch\":\"" + watch + "\",\"text\":\"Донесение\"}").json().get("id").asLong();
        assertThat(write("notebook", "{\"watch\":\"" + watch + "\",\"text\":\"x\",\"corrects\":" + other + "}").code())
                .isEqualTo("no-such-entry");
        Response big = write("notebook", "{\"watch\":\"" + watch + "\",\"text\":\"" + "ж".repeat(props.maxText() + 1) + "\"}");
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.json().get("reason").asString()).contains(String.valueOf(props.maxText()));
        assertThat(write("notebook", "{\"watch\":\"" + watch + "\",\"text\":\"   \"}").status()).isEqualTo(400);
        assertThat(write("notebook", "{\"watch\":\"" + watch + "\",\"text\":\"x\",\"fields\":{\"sender\":\"y\"}}").status())
                .isEqualTo(400);
        assertThat(write("no-such-book", "{\"text\":\"x\"}").code()).isEqualTo("no-such-journal");
        assertThat(write("notebook", "{\"watch\":\"2999-01-01T08:00\",\"text\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/watch/journals/notebook/entries?from=yesterday", duty).status()).isEqualTo(400);
        // Only the official report above was written.
        assertThat(jdbc.queryForObject("select count(*) from watch_entries", Integer.class)).isEqualTo(before + 1);
    }

    @Test
    void twoWritersAtOnceGetUniqueNumbersWithoutGaps() throws Exception {
        int perWriter = 25;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            String author = "writer-" + w;
            writers.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perWriter; i++) {
                    numbers.add(journals.append("orientations", author,
                            new JournalService.NewEntry(watch, "Ориентировка " + author + " " + i, null, Map.of())).number());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : writers) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(numbers).hasSize(2 * perWriter).doesNotHaveDuplicates();
        int year = java.time.ZonedDateTime.now(props.zone()).getYear();
        // Across everything ever written to the register this year: 1..N, each once.
        Map<String, Object> span = jdbc.queryForMap("select count(*) n, count(distinct number) d, min(number) lo,"
                + " max(number) hi from watch_entries where kind = 'orientations' and year = ?", year);
        assertThat(((Number) span.get("n")).longValue()).isEqualTo(((Number) span.get("d")).longValue())
                .isEqualTo(((Number) span.get("hi")).longValue());
        assertThat(((Number) span.get("lo")).intValue()).isEqualTo(1);
    }

    @Test
    void csvHasABomAndThePdfPrintsRussianAndKazakh() throws Exception {
        String marker = "Қ" + System.nanoTime();
        write("notebook", "{\"watch\":\"" + watch + "\",\"text\":\"Өтініш " + marker + ": «кезекші» хабарлады\"}");
        String q = "?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
        Response csv = api.get("/api/v1/watch/journals/notebook/entries.csv" + q + "&lang=kk", duty);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF\"№\";\"Күні мен уақыты\"").contains("Өтініш " + marker);
        for (String lang : List.of("ru", "kk")) {
            byte[] bytes = pdfBytes("/api/v1/watch/journals/notebook/entries.pdf" + q + "&lang=" + lang);
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("Өтініш " + marker)
                        .contains(lang.equals("ru") ? "Рабочая тетрадь оперативного дежурного" : "Жедел кезекшінің жұмыс дәптері");
            }
        }
    }

    private byte[] pdfBytes(String path) throws Exception {
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                (duty + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        return r.body();
    }
}
