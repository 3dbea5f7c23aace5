package kz.line102.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import kz.line102.callcenter.CallcenterApplication;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.ingest.IngestJob;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run archive}: the auditors' archive with one million recordings indexed.
 * One real recording is ingested through the recorder (so one real archive file exists);
 * the other rows are inserted in SQL and point at that same file. Over HTTP (Basic auth,
 * one recorded archive request): searches with a mix of filters, then playback requests
 * ({@code Range: bytes=0-}) timed to the first byte of the body. Last line:
 * {@code archive recordings=… search_p99_ms=… first_byte_p99_ms=…}.
 */
public final class ArchiveBench {

    private static final int RECORDINGS = Integer.getInteger("bench.recordings", 1_000_000);
    private static final int SEARCHES = Integer.getInteger("bench.searches", 1_000);
    private static final int PLAYS = Integer.getInteger("bench.plays", 500);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 50);
    private static final int NUMBERS = 100_000;
    private static final int OPERATORS = 200;
    private static final long YEAR_SECONDS = 365L * 24 * 3600;
    private static final String PASSWORD = "bench-password-102";
    private static final String AUDITOR = "bench-auditor";
    private static final Path FIXTURE = Path.of(System.getProperty("bench.fixture",
            "/work/shared/fixtures/asterisk/22.10.1/recording-answered-mixmonitor.wav"));

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Random random = new Random(102);
    private String base;
    private Instant now;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String line = new ArchiveBench().run();
        System.out.println(line);
        System.exit(0);
    }

    private String run() throws Exception {
        BenchDatabase db = new BenchDatabase("127.0.0.1", 5432,
                System.getProperty("bench.db", "line102_archive_bench"), "postgres");
        db.recreate();
        BenchRedis redis = BenchRedis.start();
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target/archive-bench")).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir.resolve("spool"));
        try {
            ConfigurableApplicationContext app = start(db, redis, dir);
            try {
                base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                UserService users = app.getBean(UserService.class);
                users.create("bench-admin", "Bench admin", PASSWORD, EnumSet.of(Role.ADMIN));
                users.create(AUDITOR, "Bench auditor", PASSWORD, EnumSet.of(Role.AUDITOR));
                now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                UUID real = ingest(app.getBean(RecordingService.class), dir.resolve("spool"));
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                fill(jdbc, real);
                String request = recordRequest();
                List<String> ids = jdbc.queryForList(
                        "select id::text from recordings tablesample system (1) limit " + (PLAYS * 4), String.class);
                searches(request, WARMUP);
                double searchP99 = p99(searches(request, SEARCHES), "search");
                plays(request, ids, Math.min(WARMUP, PLAYS));
                double firstByteP99 = p99(plays(request, ids, PLAYS), "first byte");
                return String.format("archive recordings=%d search_p99_ms=%.1f first_byte_p99_ms=%.1f",
                        count(jdbc), searchP99, firstByteP99);
            } finally {
                app.close();
            }
        } finally {
            redis.close();
            db.close();
        }
    }

    private ConfigurableApplicationContext start(BenchDatabase db, BenchRedis redis, Path dir) {
        return new SpringApplication(CallcenterApplication.class).run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off", "--server.port=0", "--line102.embedded.enabled=false",
                "--line102.redis.host=" + redis.host, "--line102.redis.port=" + redis.port,
                // No PBX here: a node without a bridge, as a pure archive/API node runs.
                "--line102.cti.enabled=false", "--line102.cti.replay.enabled=false", "--line102.cti.agi.port=0",
                "--line102.cti.stream.spool-dir=" + dir.resolve("cti-spool"),
                "--line102.recorder.storage.require-absolute=false", // a bench keeps recordings in scratch folders
                "--line102.recorder.ingest.spool-dir=" + dir.resolve("spool"),
                "--line102.recorder.ingest.work-dir=" + dir.resolve("archive/.work"),
                "--line102.recorder.storage.archive-root=" + dir.resolve("archive"),
                "--line102.recorder.storage.min-free-bytes=0",
                // Two users sign in for the whole run: cheap hashes keep set-up short.
                "--line102.callcenter.security.bcrypt-strength=4",
                "--logging.file.name=" + System.getProperty("bench.log", "bench/target/archive.log"),
                "--logging.threshold.console=WARN");
    }

    /** The one real recording: the fixture WAV through the recorder's ingest (transcode, hash, archive). */
    private UUID ingest(RecordingService recordings, Path spool) throws Exception {
        String file = "102-" + UUID.randomUUID() + ".wav";
        Files.copy(FIXTURE, spool.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        IngestJob job = recordings.ingest(IngestRequest.of("bench-call-0", "/var/spool/asterisk/monitor/" + file,
                now.minusSeconds(60), "+77010000000", "4000"));
        if (Poll.until(Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> recordings.ingestJob(job.id()).orElseThrow().recordingId() != null)) {
            UUID id = recordings.ingestJob(job.id()).orElseThrow().recordingId();
            PipelineBench.out("ingested the real recording %s (%d bytes)", id,
                    recordings.find(id).orElseThrow().sizeBytes());
            return id;
        }
        throw new IllegalStateException("the real recording was not ingested: " + recordings.ingestJob(job.id()));
    }

    /** The other rows of the index: the same file, calls over a year, 100,000 numbers, 200 operators. */
    private void fill(JdbcTemplate jdbc, UUID real) {
        long t0 = System.nanoTime();
        int rows = RECORDINGS - 1;
        int batch = 200_000;
        for (int first = 1; first <= rows; first += batch) {
            int last = Math.min(rows, first + batch - 1);
            jdbc.update("""
                    insert into recordings (id, call_id, call_at, caller_number, operator, source_name, path, sha256,
                                            size_bytes, duration_ms, codec, retention_class, retain_from, ingested_at)
                    select gen_random_uuid(), 'bench-call-' || g, t.at,
                           '+7701' || lpad((g % ?)::text, 7, '0'), (4000 + g % ?)::text,
                           'bench-' || g || '.wav', r.path, r.sha256, r.size_bytes, r.duration_ms, r.codec,
                           r.retention_class, t.at, r.ingested_at
                    from generate_series(?, ?) g
                    cross join (select * from recordings where id = ?) r
                    cross join lateral (select ?::timestamptz - ((g::bigint * 7919) % ?) * interval '1 second' as at) t
                    """, NUMBERS, OPERATORS, first, last, real, java.sql.Timestamp.from(now), YEAR_SECONDS);
            PipelineBench.out("indexed %d of %d rows (load %s)", last + 1, RECORDINGS, load());
        }
        jdbc.execute("analyze recordings");
        PipelineBench.out("%d rows indexed and analysed in %.1f s", count(jdbc), (System.nanoTime() - t0) / 1e9);
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from recordings where deleted_at is null", Long.class);
    }

    private String recordRequest() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/archive/requests"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("""
                        {"requestingBody":"Investigation department, Astana police","documentNumber":"12-345/26",
                         "documentDate":"2026-11-20","reason":"archive benchmark"}""", StandardCharsets.UTF_8))
                .build(), BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("archive request refused: " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body()).get("id").asString();
    }

    /** Searches in turn: number + 30 days, operator + one day, call id, one week with no other filter. */
    private List<Double> searches(String request, int n) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String query = switch (i % 4) {
                case 0 -> {
                    Instant to = now.minusSeconds(Math.floorMod(random.nextLong(), YEAR_SECONDS));
                    yield "number=%2B7701" + String.format("%07d", random.nextInt(NUMBERS))
                            + "&from=" + to.minus(Duration.ofDays(30)) + "&to=" + to;
                }
                case 1 -> {
                    Instant day = now.minusSeconds(Math.floorMod(random.nextLong(), YEAR_SECONDS))
                            .truncatedTo(ChronoUnit.DAYS);
                    yield "operator=" + (4000 + random.nextInt(OPERATORS)) + "&from=" + day + "&to="
                            + day.plus(Duration.ofDays(1));
                }
                case 2 -> "callId=bench-call-" + (1 + random.nextInt(RECORDINGS - 1));
                default -> {
                    Instant to = now.minusSeconds(Math.floorMod(random.nextLong(), YEAR_SECONDS));
                    yield "from=" + to.minus(Duration.ofDays(7)) + "&to=" + to;
                }
            };
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/archive/recordings?" + query
                    + "&size=50")).header("Authorization", basic()).header("X-Archive-Request", request).build();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(req, BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IllegalStateException("search " + query + ": " + r.statusCode() + " " + r.body());
            }
            millis.add((t1 - t0) / 1e6);
            if (n >= 100 && (i + 1) % 250 == 0) {
                PipelineBench.out("searches %d of %d (load %s)", i + 1, n, load());
            }
        }
        return millis;
    }

    /** Playback from the start of random recordings: request sent to first byte of the body read. */
    private List<Double> plays(String request, List<String> ids, int n) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/archive/recordings/" + id
                    + "/audio?request=" + request)).header("Authorization", basic()).header("Range", "bytes=0-")
                    .build();
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = http.send(req, BodyHandlers.ofInputStream());
            try (InputStream body = r.body()) {
                int first = body.read();
                long t1 = System.nanoTime();
                if (r.statusCode() != 206 && r.statusCode() != 200 || first < 0) {
                    throw new IllegalStateException("playback " + id + ": " + r.statusCode());
                }
                millis.add((t1 - t0) / 1e6);
                body.transferTo(OutputStreamSink.INSTANCE);
            }
            if (n >= 100 && (i + 1) % 100 == 0) {
                PipelineBench.out("playbacks %d of %d (load %s)", i + 1, n, load());
            }
        }
        return millis;
    }

    private static double p99(List<Double> millis, String what) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        double p50 = sorted.get(sorted.size() / 2);
        double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        PipelineBench.out("%s: n %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms (load %s)", what, sorted.size(), p50, p99,
                sorted.get(sorted.size() - 1), load());
        return p99;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((AUDITOR + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** Discards the rest of a body. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
