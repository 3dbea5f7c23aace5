package kz.line102.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import kz.line102.callcenter.CallcenterApplication;
import kz.line102.callcenter.certification.EmployeeService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.apache.camel.CamelContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run certification}: a force of {@code bench.employees} (default 100,000)
 * employees with service histories (one to three postings: promotions to new and to
 * equivalent posts, breaks of up to four months, studies, secondments, heads) loaded in SQL;
 * then (a) the due computation of the daily pass, employee by employee through
 * {@code EmployeeService.recompute} as the pass does it (the application's own pass is
 * stopped so it does not run beside it): total and p99 per employee; (b) the six-monthly
 * list drawn over HTTP; (c) p99 over HTTP of a page (100) of the due list and of the list at
 * random offsets, and of an employee's file at random. Last line:
 * {@code certification employees=… due_list_p99_ms=… six_monthly_p99_ms=… employee_file_p99_ms=…}.
 */
public final class CertificationBench {

    private static final int EMPLOYEES = Integer.getInteger("bench.employees", 100_000);
    private static final int QUERIES = Integer.getInteger("bench.queries", 300);
    private static final int PAGE = 100;
    private static final String PASSWORD = "bench-password-102";
    private static final String PERSONNEL = "bench-personnel";
    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random = new Random(102);
    private String base;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        System.out.println(new CertificationBench().run());
        System.exit(0);
    }

    private String run() throws Exception {
        BenchDatabase db = new BenchDatabase("127.0.0.1", 5432,
                System.getProperty("bench.db", "line102_certification_bench"), "postgres");
        db.recreate();
        BenchRedis redis = BenchRedis.start();
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target/certification-bench")).toAbsolutePath();
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
                    "--logging.file.name=" + System.getProperty("bench.log", "bench/target/certification.log"),
                    "--logging.threshold.console=WARN");
            try {
                // The daily pass would start a minute after start-up and compute everyone beside the benchmark.
                app.getBean(CamelContext.class).getRouteController().stopRoute("certification-due-pass");
                base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                app.getBean(UserService.class).create(PERSONNEL, "Bench personnel", PASSWORD, EnumSet.of(Role.ADMIN));
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                LocalDate today = LocalDate.now(ZONE);
                load(jdbc, today);
                long employees = jdbc.queryForObject("select count(*) from certification_employees", Long.class);
                long postings = jdbc.queryForObject("select count(*) from certification_postings", Long.class);
                PipelineBench.out("loaded %d employees with %d postings (load %s)", employees, postings, load());

                dueComputation(app.getBean(EmployeeService.class), jdbc, today);
                jdbc.execute("analyze certification_employees");

                long t0 = System.nanoTime();
                var drawn = json.readTree(post("/api/v1/certification/lists", "{}"));
                long listId = drawn.get("id").asLong();
                long items = jdbc.queryForObject("select count(*) from certification_list_items where list_id = ?",
                        Long.class, listId);
                PipelineBench.out("six-monthly list %d from %s drawn over HTTP in %.0f ms: %d employees", listId,
                        drawn.get("periodFrom"), (System.nanoTime() - t0) / 1e6, items);
                jdbc.execute("analyze certification_list_items");
                long due = jdbc.queryForObject("select count(*) from certification_employees where due_on <= ?"
                        + " and due_status in ('UPCOMING', 'DUE', 'OVERDUE')", Long.class,
                        Date.valueOf(today.plusDays(365)));
                PipelineBench.out("due within a year or overdue: %d", due);

                List<Double> dueList = new ArrayList<>();
                List<Double> sixMonthly = new ArrayList<>();
                List<Double> file = new ArrayList<>();
                long maxId = jdbc.queryForObject("select max(id) from certification_employees", Long.class);
                long minId = jdbc.queryForObject("select min(id) from certification_employees", Long.class);
                for (int i = 0; i < QUERIES + 20; i++) {
                    double d = get("/api/v1/certification/due?days=365&limit=" + PAGE + "&offset=" + offset(due));
                    double s = get("/api/v1/certification/lists/" + listId + "/items?limit=" + PAGE + "&offset="
                            + offset(items));
                    double f = get("/api/v1/certification/employees/" + (minId + (long) (random.nextDouble()
                            * (maxId - minId + 1))));
                    if (i >= 20) { // the first requests warm the JIT and the caches
                        dueList.add(d);
                        sixMonthly.add(s);
                        file.add(f);
                    }
                }
                double dueP99 = p99(dueList, "due list page of " + PAGE);
                double listP99 = p99(sixMonthly, "six-monthly list page of " + PAGE);
                double fileP99 = p99(file, "employee's file");
                return String.format("certification employees=%d due_list_p99_ms=%.1f six_monthly_p99_ms=%.1f"
                        + " employee_file_p99_ms=%.1f", employees, dueP99, listP99, fileP99);
            } finally {
                app.close();
            }
        } finally {
            redis.close();
            db.close();
        }
    }

    /**
     * One to three postings per employee, spread over 25 years of hiring: a third promoted
     * once (every second of those to an equivalent post), with a break of 0-120 days between
     * the two posts (over three months ends continuity); every 17th studied first (state
     * order), every 23rd seconded after the first post, every 50th a head.
     */
    private void load(JdbcTemplate jdbc, LocalDate today) {
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into certification_employees (personnel_no, full_name)
                select 'B' || lpad(g::text, 7, '0'), 'Сотрудник ' || g from generate_series(1, ?) g
                """, EMPLOYEES);
        jdbc.update("""
                insert into certification_postings (employee_id, kind, start_on, end_on, post, rank, equivalent, head)
                select e.id, 'POST', h.hired, h.left_on, 'post ' || (e.id % 40), (e.id % 7)::int, false, e.id % 50 = 0
                  from certification_employees e
                  cross join lateral (select ?::date - ((e.id * 7919) % 9125)::int as hired) s
                  cross join lateral (select s.hired,
                         case when e.id % 3 = 0 and s.hired + 365 + ((e.id * 31) % 700)::int < ?::date - 130
                              then s.hired + 365 + ((e.id * 31) % 700)::int end as left_on) h
                """, Date.valueOf(today), Date.valueOf(today));
        jdbc.update("""
                insert into certification_postings (employee_id, kind, start_on, end_on, post, rank, equivalent, head)
                select p.employee_id, 'POST', p.end_on + 1 + ((p.employee_id % 4) * 40)::int, null,
                       'post ' || (p.employee_id % 40 + 1), (p.employee_id % 7 + 1)::int, p.employee_id % 2 = 0, false
                  from certification_postings p where p.end_on is not null
                """);
        jdbc.update("""
                insert into certification_postings (employee_id, kind, start_on, end_on, post)
                select p.employee_id, 'STUDY', p.start_on - 1460, p.start_on - 1, 'academy'
                  from certification_postings p where p.employee_id % 17 = 0 and p.kind = 'POST'
                   and not exists (select 1 from certification_postings q where q.employee_id = p.employee_id
                                   and q.start_on < p.start_on)
                """);
        jdbc.update("""
                insert into certification_postings (employee_id, kind, start_on, end_on, post)
                select p.employee_id, 'SECONDMENT', p.end_on - 200, p.end_on - 20, 'seconded'
                  from certification_postings p where p.employee_id % 23 = 0 and p.end_on is not null
                   and p.end_on - 200 > p.start_on
                """);
        jdbc.execute("analyze certification_employees");
        jdbc.execute("analyze certification_postings");
        PipelineBench.out("force loaded in %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    /** The daily pass's computation: every employee in pages of 500 by id, one transaction each. */
    private void dueComputation(EmployeeService employees, JdbcTemplate jdbc, LocalDate today) {
        List<Double> each = new ArrayList<>(EMPLOYEES);
        int failed = 0;
        long t0 = System.nanoTime();
        for (long after = 0; ; ) {
            List<Long> ids = jdbc.queryForList("select id from certification_employees where id > ? order by id"
                    + " limit 500", Long.class, after);
            for (long id : ids) {
                long s = System.nanoTime();
                try {
                    employees.recompute(id, today);
                } catch (RuntimeException e) {
                    if (failed++ == 0) {
                        PipelineBench.out("first refused history (employee %d): %s", id, e);
                    }
                }
                each.add((System.nanoTime() - s) / 1e6);
                after = id;
            }
            if (ids.size() < 500) {
                break;
            }
            if (each.size() % 20_000 == 0) {
                PipelineBench.out("computed %d (load %s)", each.size(), load());
            }
        }
        double total = (System.nanoTime() - t0) / 1e9;
        double p99 = p99(each, "due computation per employee");
        PipelineBench.out("due computation: %d employees in %.1f s (%.0f/s), p99 %.2f ms per employee, %d failed;"
                        + " by status: %s", each.size(), total, each.size() / total, p99, failed,
                jdbc.queryForList("select due_status || '=' || count(*) from certification_employees group by due_status"
                        + " order by due_status", String.class));
    }

    private long offset(long rows) {
        return rows <= PAGE ? 0 : (long) (random.nextDouble() * (rows - PAGE));
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

    private String post(String path, String body) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((PERSONNEL + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static double p99(List<Double> millis, String what) {
        List<Double> sorted = millis.stream().sorted().toList();
        double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        PipelineBench.out("%s: n %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms (load %s)", what, sorted.size(),
                sorted.get(sorted.size() / 2), p99, sorted.get(sorted.size() - 1), load());
        return p99;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
