package kz.line102.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import kz.line102.callcenter.CallcenterApplication;
import kz.line102.callcenter.call.CallIntakeService;
import kz.line102.callcenter.call.StreamMessage;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.EventSource;
import kz.line102.cti.stream.CallEventCodec;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run stats}: a year of national traffic ({@code bench.calls}, default 4.5 M call
 * records over 365 days ending now, 4 queues, 300 operators with 8-hour shifts) loaded in
 * SQL; the 15-minute history is filled by SQL aggregates of the loaded calls (counters
 * real, wait bands zero: the query cost does not depend on their values), the drain's
 * marks set to now so it does not recompute the year. Then (a) {@code bench.wallboards}
 * sockets on {@code /ws/stats} while calls are committed through the real intake at
 * {@code bench.rate}/s: latency from each commit to its first snapshot on each socket; (b)
 * history over HTTP: a quarter by queue and by operator, a year by day. Last line:
 * {@code stats calls=… live_update_p99_ms=… wallboards=… history_quarter_p99_ms=… history_year_p99_ms=…}.
 */
public final class StatsBench {

    private static final int CALLS = Integer.getInteger("bench.calls", 4_500_000);
    private static final int OPERATORS = 300;
    private static final int WALLBOARDS = Integer.getInteger("bench.wallboards", 100);
    private static final int RATE = Integer.getInteger("bench.rate", 20);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int QUERIES = Integer.getInteger("bench.queries", 20);
    private static final String PASSWORD = "bench-password-102";
    private static final String SUPERVISOR = "bench-supervisor";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private String base;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        System.out.println(new StatsBench().run());
        System.exit(0);
    }

    private String run() throws Exception {
        BenchDatabase db = new BenchDatabase("127.0.0.1", 5432, System.getProperty("bench.db", "line102_stats_bench"),
                "postgres");
        db.recreate();
        BenchRedis redis = BenchRedis.start();
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target/stats-bench")).toAbsolutePath();
        Files.createDirectories(dir.resolve("spool"));
        Files.createDirectories(dir.resolve("archive"));
        try {
            ConfigurableApplicationContext app = new SpringApplication(CallcenterApplication.class).run(
                    "--spring.datasource.url=" + db.url(), "--spring.datasource.username=postgres",
                    "--spring.main.banner-mode=off", "--server.port=0", "--line102.embedded.enabled=false",
                    "--line102.redis.host=" + redis.host, "--line102.redis.port=" + redis.port,
                    "--line102.cti.enabled=false", "--line102.cti.replay.enabled=false", "--line102.cti.agi.port=0",
                    "--line102.cti.stream.spool-dir=" + dir.resolve("cti-spool"),
                    "--line102.recorder.storage.require-absolute=false", // a bench keeps recordings in scratch folders
                    "--line102.recorder.ingest.spool-dir=" + dir.resolve("spool"),
                    "--line102.recorder.storage.archive-root=" + dir.resolve("archive"),
                    "--line102.callcenter.security.bcrypt-strength=4",
                    "--logging.file.name=" + System.getProperty("bench.log", "bench/target/stats.log"),
                    "--logging.threshold.console=WARN");
            try {
                base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                app.getBean(UserService.class).create(SUPERVISOR, "Bench supervisor", PASSWORD,
                        EnumSet.of(Role.SUPERVISOR));
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                // Loading a year is set-up, not measured: on one connection without the application's
                // statement timeout (60 s), which a 500,000-row insert can pass on a busy 2-core machine.
                try (java.sql.Connection con = app.getBean(javax.sql.DataSource.class).getConnection()) {
                    String timeout;
                    try (var st = con.createStatement(); var rs = st.executeQuery("show statement_timeout")) {
                        rs.next();
                        timeout = rs.getString(1);
                    }
                    try (var st = con.createStatement()) {
                        st.execute("set statement_timeout = 0");
                    }
                    try {
                        load(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(con, true)),
                                now);
                    } finally {
                        try (var st = con.createStatement()) {
                            st.execute("set statement_timeout = '" + timeout.replace("'", "") + "'");
                        }
                    }
                }
                long calls = jdbc.queryForObject("select count(*) from calls", Long.class);
                double live = live(app.getBean(CallIntakeService.class), now);
                LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
                LocalDate quarterDay = today.minusMonths(3);
                List<Double> quarter = new ArrayList<>();
                List<Double> year = new ArrayList<>();
                for (int i = 0; i < QUERIES + 3; i++) {
                    double q1 = get("/api/v1/stats/history?period=quarter&at=" + quarterDay + "&by=queue");
                    double q2 = get("/api/v1/stats/operators?period=quarter&at=" + quarterDay);
                    double y = get("/api/v1/stats/history?period=custom&from=" + today.minusDays(365) + "&to="
                            + today + "&by=day,queue");
                    if (i >= 3) {
                        quarter.add(q1);
                        quarter.add(q2);
                        year.add(y);
                    }
                }
                return String.format("stats calls=%d live_update_p99_ms=%.1f wallboards=%d history_quarter_p99_ms=%.1f "
                        + "history_year_p99_ms=%.1f", calls, live, WALLBOARDS, p99(quarter), p99(year));
            } finally {
                app.close();
            }
        } finally {
            redis.close();
            db.close();
        }
    }

    private void load(JdbcTemplate jdbc, Instant now) {
        long t0 = System.nanoTime();
        // The drain reads changed calls from its mark on: set to now first, or it would start recounting
        // the year being loaded (and its own mark row would collide with one written after the load).
        jdbc.update("""
                insert into stats_marks (name, read_until, last_key)
                values ('calls', ?, '00000000-0000-0000-0000-000000000000')
                on conflict (name) do update set read_until = excluded.read_until, last_key = excluded.last_key
                """, Timestamp.from(now));
        jdbc.update("""
                insert into users (username, display_name, password_hash, roles)
                select 'op' || g, 'Operator ' || g, '{noop}x', array['OPERATOR'] from generate_series(1, ?) g
                """, OPERATORS);
        int batch = 500_000;
        long year = 365L * 24 * 3600;
        for (int first = 1; first <= CALLS; first += batch) {
            int last = Math.min(CALLS, first + batch - 1);
            // ~88 % answered after 0-30 s, ~9 % abandoned after 0-60 s, ~3 % timed out; talk 30-300 s
            jdbc.update("""
                    insert into calls (id, caller_number, caller_number_e164, caller_number_status, queue, operator,
                        operator_user, outcome, offered_at, queued_at, answered_at, ended_at, wait_seconds,
                        talk_seconds, event_count, updated_at, source)
                    select gen_random_uuid(), n, n, 'valid', 'q10' || (g % 4), o, 'op' || (g % ?  + 1),
                           k, t, t, case when k = 'answered' then t + w * interval '1 second' end,
                           t + (w + s) * interval '1 second', w, case when k = 'answered' then s end, 4, t, 'observed'
                      from generate_series(?, ?) g
                      cross join lateral (select ?::timestamptz - ((g::bigint * 7919) % ?) * interval '1 second' as t,
                           '+7701' || lpad(((g * 31) % 2000000)::text, 7, '0') as n, (1000 + g % ?)::text as o,
                           case when g % 100 < 88 then 'answered' when g % 100 < 97 then 'abandoned'
                                else 'timed-out' end as k,
                           (g % 31)::int as w, (30 + g % 271)::int as s) x
                    """, OPERATORS, first, last, Timestamp.from(now), year, OPERATORS);
            PipelineBench.out("loaded %d of %d calls", last, CALLS);
        }
        jdbc.update("""
                insert into stats_queue_intervals
                select to_timestamp(floor(extract(epoch from offered_at) / 900) * 900), queue, count(*),
                       count(*) filter (where outcome = 'answered'), count(*) filter (where outcome = 'abandoned'), 0, 0,
                       count(*) filter (where outcome = 'timed-out'), 0, 0,
                       coalesce(sum(wait_seconds) filter (where outcome = 'answered'), 0),
                       coalesce(sum(wait_seconds) filter (where outcome = 'abandoned'), 0), max(wait_seconds),
                       coalesce(sum(talk_seconds), 0), 0, 0, 0, 0, 0,
                       array_fill(0, array[67]), array_fill(0, array[67]), now()
                  from calls group by 1, 2
                -- the application's drain may have counted some intervals of the loaded calls already
                on conflict do nothing
                """);
        jdbc.update("""
                insert into stats_operator_intervals
                select to_timestamp(floor(extract(epoch from offered_at) / 900) * 900), queue, operator_user,
                       count(*), 0, sum(wait_seconds), sum(talk_seconds), 0, 0
                  from calls where outcome = 'answered' group by 1, 2, 3
                on conflict do nothing
                """);
        // a third of the operators on shift at any time (8 hours each)
        jdbc.update("""
                insert into stats_operator_time
                select i, 'op' || o, 900, 600, 120, 180, '{"break": 120, "training": 60}'::jsonb
                  from generate_series(?::timestamptz - interval '365 days', ?::timestamptz, interval '15 minutes') i
                  cross join generate_series(1, ?) o
                 where ((extract(epoch from i)::bigint / 28800) + o) % 3 = 0
                on conflict do nothing
                """, Timestamp.from(now), Timestamp.from(now), OPERATORS);
        // The hour roll-up the application keeps of every interval it writes (V118).
        jdbc.query("select stats_roll_hours('-infinity', 'infinity')", rs -> { });
        // And by the centre's day (V119), from those hours: the application rolls a day as it writes it.
        ZoneId centre = ZoneId.of("Asia/Almaty");
        LocalDate today = LocalDate.now(centre);
        jdbc.query("select stats_roll_days(?, ?, ?, true)", rs -> { },
                Timestamp.from(today.minusDays(367).atStartOfDay(centre).toInstant()),
                Timestamp.from(today.plusDays(1).atStartOfDay(centre).toInstant()), centre.getId());
        jdbc.execute("analyze");
        PipelineBench.out("%d calls and their history loaded in %.1f s", CALLS, (System.nanoTime() - t0) / 1e9);
    }

    /** p99 ms from each commit to the first snapshot computed after it, on every socket. */
    private double live(CallIntakeService intake, Instant now) throws Exception {
        record Seen(long arrivedMillis, long atMillis) {
        }
        List<List<Seen>> sockets = new ArrayList<>();
        List<WebSocket> open = new ArrayList<>();
        for (int i = 0; i < WALLBOARDS; i++) {
            List<Seen> seen = new CopyOnWriteArrayList<>();
            sockets.add(seen);
            open.add(http.newWebSocketBuilder().header("Authorization", basic()).buildAsync(
                    URI.create(base.replace("http", "ws") + "/ws/stats"), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                long arrived = System.currentTimeMillis();
                                JsonNode n = json.readTree(text.toString());
                                seen.add(new Seen(arrived, Instant.parse(n.path("at").asString()).toEpochMilli()));
                                text.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }
                    }).join());
        }
        CallEventCodec codec = new CallEventCodec();
        List<Long> commits = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < RATE * SECONDS; c++) {
            long due = start + c * 1_000_000_000L / RATE;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            CallId id = CallId.derive("bench", "live-" + c);
            Instant t = Instant.now();
            List<StreamMessage> m = new ArrayList<>();
            for (var e : List.of(
                    new CallOffered(EventId.random(), id, t, "+77019990000", null, "102", true, EventSource.OBSERVED),
                    new CallQueued(EventId.random(), id, t, "q101", 1),
                    new CallAnswered(EventId.random(), id, t, "q101", "1001", 2, 1, EventSource.OBSERVED),
                    new CallEnded(EventId.random(), id, t, 16, "Normal Clearing", true))) {
                m.add(new StreamMessage("0-" + c, codec.encode(e)));
            }
            intake.intake(m);
            commits.add(System.currentTimeMillis());
        }
        // Until every socket has a snapshot computed after the last commit (a socket that never gets one
        // leaves its later commits out of the samples, which the count printed below shows).
        long lastCommit = commits.get(commits.size() - 1);
        Poll.until(java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(100), () -> sockets.stream()
                .allMatch(seen -> seen.stream().anyMatch(s -> s.atMillis() >= lastCommit)));
        List<Double> lat = new ArrayList<>();
        for (List<Seen> seen : sockets) {
            for (long c : commits) {
                seen.stream().filter(s -> s.atMillis() >= c).findFirst()
                        .ifPresent(s -> lat.add((double) (s.arrivedMillis() - c)));
            }
        }
        open.forEach(WebSocket::abort);
        PipelineBench.out("%d commits, %d commit-to-socket samples over %d sockets", commits.size(), lat.size(),
                WALLBOARDS);
        return p99(lat);
    }

    private double get(String path) throws Exception {
        long t0 = System.nanoTime();
        var r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic()).build(),
                BodyHandlers.ofString());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return ms;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((SUPERVISOR + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static double p99(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.isEmpty() ? Double.NaN : s.get((int) Math.ceil(s.size() * 0.99) - 1);
    }

}
