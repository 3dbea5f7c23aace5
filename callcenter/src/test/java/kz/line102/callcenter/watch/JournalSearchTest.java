package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journals as a whole: one search across every book and register (a confidential
 * register's read audited), each register's retention class, numbering without gaps when two
 * nodes write one register at once, and the indexes that keep ten years of entries quick.
 */
@CallcenterTest
class JournalSearchTest {

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
    @Autowired
    JournalExport export;
    @Autowired
    DataSource dataSource;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    Api api;
    String duty;
    String watch;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "watch-admin", Role.ADMIN);
        duty = Api.user(users, "search-duty", Role.SUPERVISOR);
        watch = WatchFixtures.freshWatch(jdbc, props);
    }

    @Test
    void oneSearchFindsEntriesOfEveryBookAndRegisterAndAuditsTheConfidentialOnes() {
        String marker = "ПОИСК" + System.nanoTime();
        for (String kind : List.of("notebook", "telegrams-in", "orientations")) {
            Api.Response r = api.json("POST", "/api/v1/watch/journals/" + kind + "/entries", duty,
                    "{\"watch\":\"" + watch + "\",\"text\":\"Запись " + kind + " " + marker + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        JsonNode found = api.get("/api/v1/watch/journals/entries?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8),
                duty).json();
        List<String> kinds = new ArrayList<>();
        found.forEach(e -> kinds.add(e.path("kind").asString()));
        assertThat(kinds).containsExactlyInAnyOrder("notebook", "telegrams-in", "orientations");

        List<String> audited = jdbc.queryForList("""
                select detail->>'journal' from watch_audit where actor = ? and action = 'confidential-read'
                  and detail->>'search' = 'all' and at > clock_timestamp() - interval '1 minute'""", String.class, duty);
        assertThat(audited).contains("telegrams-in").doesNotContain("notebook", "orientations");

        Api.Response page = api.get("/api/v1/watch/journals/entries?size=1&page=1&q="
                + URLEncoder.encode(marker, StandardCharsets.UTF_8), duty);
        assertThat(page.json().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/watch/journals/entries?size=0", duty).status()).isEqualTo(400);
    }

    @Test
    void everyJournalHasARetentionClassShownWithItAndPrintedOnItsPdf() throws Exception {
        props.journals().values().forEach(j -> assertThat(j.retention().toTotalMonths()).isGreaterThanOrEqualTo(12));
        JsonNode config = api.get("/api/v1/watch/journals", duty).json();
        assertThat(config.path("journals").path("telegrams-in").path("retention").asString()).isEqualTo("P5Y");
        for (String lang : List.of("ru", "kk")) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            export.pdf("notebook", props.journals().get("notebook"), List.of(), WatchTexts.of(lang), out);
            try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
                assertThat(new PDFTextStripper().getText(doc))
                        .contains((lang.equals("ru") ? "Срок хранения (лет)" : "Сақтау мерзімі (жыл)") + ": 5");
            }
        }
        assertThat(new WatchProperties.Journal(3, List.of(), false, null, Period.ofMonths(18)).retention())
                .isEqualTo(Period.ofYears(1).plusMonths(6));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new WatchProperties.Journal(3, List.of(), false, null, Period.ofMonths(6)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoNodesWritingOneRegisterAtOnceNumberItWithoutGaps() throws Exception {
        HikariDataSource local = (HikariDataSource) dataSource;
        try (HikariDataSource other = new HikariDataSource()) {
            // The second node: its own pool, store, audit and transactions over the same database.
            other.setJdbcUrl(local.getJdbcUrl());
            other.setUsername(local.getUsername());
            other.setPassword(local.getPassword());
            other.setMaximumPoolSize(2);
            other.setPoolName("second-node");
            JdbcTemplate otherJdbc = new JdbcTemplate(other);
            JournalService otherNode = new JournalService(props, new WatchCalendar(props, clock),
                    new WatchStore(otherJdbc, json, clock), new WatchAudit(otherJdbc, json));
            TransactionTemplate otherTx = new TransactionTemplate(new DataSourceTransactionManager(other));

            int perNode = 20;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> writers = new ArrayList<>();
            writers.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perNode; i++) {
                    numbers.add(journals.append("notebook", "node-1",
                            new JournalService.NewEntry(watch, "Узел 1, запись " + i, null, Map.of())).number());
                }
                return null;
            }));
            writers.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perNode; i++) {
                    int n = i;
                    numbers.add(otherTx.execute(s -> otherNode.append("notebook", "node-2",
                            new JournalService.NewEntry(watch, "Узел 2, запись " + n, null, Map.of())).number()));
                    // A write the second node gives up after taking its number: the number is taken again.
                    otherTx.executeWithoutResult(s -> {
                        otherNode.append("notebook", "node-2", new JournalService.NewEntry(watch, "отменено", null, Map.of()));
                        s.setRollbackOnly();
                    });
                }
                return null;
            }));
            go.countDown();
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(numbers).hasSize(2 * perNode).doesNotHaveDuplicates();
            int year = java.time.ZonedDateTime.now(props.zone()).getYear();
            Map<String, Object> span = jdbc.queryForMap("select count(*) n, count(distinct number) d, min(number) lo,"
                    + " max(number) hi from watch_entries where kind = 'notebook' and year = ?", year);
            assertThat(((Number) span.get("n")).longValue()).isEqualTo(((Number) span.get("d")).longValue())
                    .isEqualTo(((Number) span.get("hi")).longValue());
            assertThat(((Number) span.get("lo")).intValue()).isEqualTo(1);
        }
    }

    @Test
    void tenYearsOfEntriesAreSearchedAndPagedByIndex() {
        List<String> indexes = jdbc.queryForList(
                "select indexname from pg_indexes where tablename = 'watch_entries'", String.class);
        assertThat(indexes).contains("watch_entries_kind_at_idx", "watch_entries_at_idx",
                "watch_entries_text_trgm_idx", "watch_entries_fields_trgm_idx");
        // The planner's choice with sequential scans priced out, as on a table of ten years. Vacuumed as
        // autovacuum keeps such a table: the retention purge's deletes (WatchRetentionTest) otherwise
        // leave dead rows that price the ordered index-only scan out on a table this small.
        jdbc.execute("vacuum analyze watch_entries");
        assertThat(plan("select id from watch_entries where kind = 'notebook' order by at desc, id desc limit 50"))
                .contains("watch_entries_kind_at_idx");
        assertThat(plan("select id from watch_entries order by at desc, id desc limit 50 offset 100"))
                .contains("watch_entries_at_idx");
        assertThat(plan("select id from watch_entries where text ilike '%ПОИСК123%'"))
                .contains("watch_entries_text_trgm_idx");
        assertThat(plan("select id from watch_entries where fields::text ilike '%Петров%'"))
                .contains("watch_entries_fields_trgm_idx");
    }

    private String plan(String query) {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> {
            try (var s = c.createStatement()) {
                s.execute("set enable_seqscan = off");
                StringBuilder b = new StringBuilder();
                try (var rs = s.executeQuery("explain " + query)) {
                    while (rs.next()) {
                        b.append(rs.getString(1)).append('\n');
                    }
                } finally {
                    s.execute("reset enable_seqscan");
                }
                return b.toString();
            }
        });
    }
}
