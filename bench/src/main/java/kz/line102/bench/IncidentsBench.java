package kz.line102.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import kz.line102.callcenter.CallcenterApplication;
import kz.line102.callcenter.incident.Actor;
import kz.line102.callcenter.incident.IncidentFields;
import kz.line102.callcenter.incident.IncidentService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/run incidents}: complete cards submitted at a steady {@code bench.rate}
 * per second (default 50) for {@code bench.seconds} (default 60) through
 * {@link IncidentService#submit}, from 8 threads, while the registration route
 * registers them. Latency runs from the submit's status change ({@code submitted_at})
 * to the registration's ({@code registered_at}), both PostgreSQL's clock. Every card
 * is also exported as EIDO to an external registry that answers each POST after
 * {@code bench.registryMinMs}..{@code bench.registryMaxMs} (default 200..500 ms); the
 * run waits for the exports too. Prints {@code exports delivered=D dead=X ...} and then
 * {@code incidents submitted=N registered=R lost=L p99_ms_register=Z} last.
 */
public final class IncidentsBench {

    private IncidentsBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int rate = Integer.parseInt(System.getProperty("bench.rate", "50"));
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "60"));
        BenchDatabase db = new BenchDatabase("127.0.0.1", 5432, "line102_incidents_bench", "postgres");
        db.recreate();
        BenchRedis redis = BenchRedis.start();
        Path spool = Files.createTempDirectory("incidents-bench-spool");
        Registry registry = new Registry(Integer.parseInt(System.getProperty("bench.registryMinMs", "200")),
                Integer.parseInt(System.getProperty("bench.registryMaxMs", "500")));
        String exportConsumers = System.getProperty("bench.exportConsumers", "32");
        String line;
        try (ConfigurableApplicationContext app = new SpringApplication(CallcenterApplication.class).run(
                "--line102.callcenter.incidents.export.targets[0].name=registry",
                "--line102.callcenter.incidents.export.targets[0].kind=http",
                "--line102.callcenter.incidents.export.targets[0].uri=" + registry.uri(),
                "--line102.callcenter.incidents.export.consumers=" + exportConsumers,
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off", "--server.port=0", "--line102.embedded.enabled=false",
                "--line102.redis.host=" + redis.host, "--line102.redis.port=" + redis.port,
                "--line102.cti.enabled=false", "--line102.cti.replay.enabled=false", "--line102.cti.agi.port=0",
                "--line102.cti.stream.spool-dir=" + spool,
                "--line102.recorder.storage.require-absolute=false", // a bench keeps recordings in scratch folders
                "--logging.file.name=" + System.getProperty("bench.log", "bench/target/incidents.log"),
                "--logging.threshold.console=WARN")) {
            line = run(app, rate, seconds, registry);
        } finally {
            registry.close();
            redis.close();
            db.close();
        }
        System.out.println(line);
        System.exit(line.contains(" lost=0 ") ? 0 : 1);
    }

    private static String run(ConfigurableApplicationContext app, int rate, int seconds, Registry registry)
            throws Exception {
        IncidentService incidents = app.getBean(IncidentService.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        // A short warm-up, not counted.
        Queue<UUID> warm = new ConcurrentLinkedQueue<>();
        offer(incidents, 20, 3, warm, new AtomicInteger());
        long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.queryForObject("select count(*) from incident_jobs where status <> 'done'", Integer.class) > 0
                && System.nanoTime() < warmDeadline && pause()) {
            // the warm-up's registrations finish before its rows are cleared
        }
        jdbc.update("truncate report_lines, incident_units, incident_exports_sent, incident_jobs,"
                + " incident_transitions, incident_calls, incidents, kui_counters");
        registry.keys.clear();
        registry.posts.set(0);

        Queue<UUID> submitted = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        PipelineBench.out("submitting %d cards/s for %d s (load %s)", rate, seconds, load());
        offer(incidents, rate, seconds, submitted, failed);
        int n = submitted.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int registered;
        do {
            registered = jdbc.queryForObject("select count(*) from incidents where status = 'REGISTERED'",
                    Integer.class);
        } while (registered < n && System.nanoTime() < deadline && pause());
        List<Double> millis = jdbc.queryForList("""
                select extract(epoch from (registered_at - submitted_at)) * 1000 from incidents
                where status = 'REGISTERED' order by 1""", Double.class);
        double p50 = millis.isEmpty() ? Double.NaN : millis.get((millis.size() - 1) / 2);
        double p99 = millis.isEmpty() ? Double.NaN : millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
        double max = millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1);
        int gaps = jdbc.queryForObject("""
                select count(*) - coalesce(max(kui_sequence), 0) from incidents where status = 'REGISTERED'""",
                Integer.class);
        PipelineBench.out("submit failures %d, KUI gaps or duplicates %d, p50 %.1f ms, max %.1f ms (load %s)",
                failed.get(), gaps, p50, max, load());
        // Exports finish after the registrations: the registry answers slowly by design.
        long exportDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(
                Long.parseLong(System.getProperty("bench.exportWaitSeconds", "180")));
        int open;
        do {
            open = jdbc.queryForObject("select count(*) from incident_jobs where step = 'export'"
                    + " and status in ('pending', 'running')", Integer.class);
        } while (open > 0 && System.nanoTime() < exportDeadline && pause());
        int dead = jdbc.queryForObject("select count(*) from incident_jobs where step = 'export' and status = 'dead'",
                Integer.class);
        int delivered = registry.keys.size();
        System.out.printf("exports delivered=%d dead=%d still_open=%d posts=%d (registry answers in %d..%d ms)%n",
                delivered, dead, open, registry.posts.get(), registry.minMs, registry.maxMs);
        return String.format("incidents submitted=%d registered=%d lost=%d p99_ms_register=%.1f", n, registered,
                n - registered, p99);
    }

    /** Opens, fills in and submits {@code rate} cards a second for {@code seconds}, each on a pool thread. */
    private static void offer(IncidentService incidents, int rate, int seconds, Queue<UUID> submitted,
                              AtomicInteger failed) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger offered = new AtomicInteger();
        int total = rate * seconds;
        pace.scheduleAtFixedRate(() -> {
            if (offered.incrementAndGet() > total) {
                return;
            }
            workers.execute(() -> {
                try {
                    Actor operator = Actor.operator("bench-op-" + (offered.get() % 20));
                    UUID id = incidents.open(operator, null).incident().id();
                    incidents.edit(operator, id, 1, new IncidentFields("CRIMINAL_OFFENCE", "theft", 2, null, null,
                            null, "Astana, Kabanbay Batyr 11", 51.09, 71.42, false, "bicycle taken", null, null,
                            null));
                    incidents.submit(operator, id, 2);
                    submitted.add(id);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    PipelineBench.out("submit failed: %s", e);
                }
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Poll.until(Duration.ofSeconds(seconds + 60L), Duration.ofMillis(200), () -> offered.get() >= total);
        pace.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
    }

    /** The external registry: answers each POST after a random delay, counts distinct idempotency keys. */
    private static final class Registry implements AutoCloseable {
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final AtomicInteger posts = new AtomicInteger();
        final int minMs;
        final int maxMs;
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);

        Registry(int minMs, int maxMs) throws IOException {
            this.minMs = minMs;
            this.maxMs = maxMs;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.setExecutor(threads);
            server.createContext("/eido", exchange -> {
                exchange.getRequestBody().readAllBytes();
                // A slow registry: the answer comes later, from a timer, so waiting holds no thread.
                answers.schedule(() -> {
                    posts.incrementAndGet();
                    keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                    try {
                        exchange.sendResponseHeaders(202, -1);
                    } catch (IOException e) {
                        PipelineBench.out("registry answer not sent: %s", e);
                    }
                    exchange.close();
                }, ThreadLocalRandom.current().nextInt(minMs, maxMs + 1), TimeUnit.MILLISECONDS);
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/eido?connectionsPerRoute=256"
                    + "&maxTotalConnections=256&httpClient.responseTimeout=10000";
        }

        @Override
        public void close() {
            server.stop(0);
            answers.shutdownNow();
            threads.shutdownNow();
        }
    }

    /** One 100 ms polling step inside the benchmark's own report loops. */
    private static boolean pause() {
        Poll.pause(Duration.ofMillis(100));
        return true;
    }

    private static String load() {
        return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }
}
