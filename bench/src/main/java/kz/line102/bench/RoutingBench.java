package kz.line102.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import kz.line102.callcenter.CallcenterApplication;
import kz.line102.callcenter.routing.RoutingService;
import kz.line102.cti.CallId;
import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.agi.RouteRequest;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * FastAGI routing requests over TCP at a steady rate against the whole application
 * (rules in PostgreSQL, call history queried for the history rules), open loop: each
 * request is due at its own time and its latency counts from then, so a stall shows up
 * in the figures instead of slowing the sender. Ends with
 * {@code routing requests=N errors=E p99_ms=Z}. An error is a session that failed or did
 * not set all three variables, or a fallback answer (the rules missed their budget).
 *
 * <p>Options: {@code -Dbench.rate=200} requests/s, {@code -Dbench.seconds=30} measured,
 * {@code -Dbench.warmup-seconds=5} (same rate, not counted), {@code -Dbench.rules=500}.
 */
public final class RoutingBench {

    private static final String DB = "line102_routing_bench";

    private final int rate = Integer.getInteger("bench.rate", 200);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 5);
    private final int ruleCount = Integer.getInteger("bench.rules", 500);
    private final Path fixtures = Path.of(System.getProperty("bench.fixtures", "../shared/fixtures/asterisk/22.10.1"));
    private final SplittableRandom random = new SplittableRandom(102);
    private final List<String> repeatCallers = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        System.exit(new RoutingBench().run());
    }

    private int run() throws Exception {
        recreateDatabase();
        try (BenchRedis redis = BenchRedis.start(); ConfigurableApplicationContext app = start(redis)) {
            seedHistory();
            RoutingService routing = app.getBean(RoutingService.class);
            long t = System.nanoTime();
            int version = routing.save(RoutingRuleSets.of(ruleCount), "bench", "import", "routing benchmark", null)
                    .version();
            System.out.printf("rule set version %d with %d rules validated and saved in %d ms%n", version, ruleCount,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
            AgiCaller caller = new AgiCaller(fixtures, app.getBean(AgiRoutingServer.class).port());
            System.out.printf("warm-up: %d s at %d requests/s%n", warmupSeconds, rate);
            Result warmup = drive(caller, warmupSeconds * rate);
            System.out.printf("warm-up: %s%n", warmup.summary());
            System.out.printf("measuring: %d s at %d requests/s against %d rules%n", seconds, rate, ruleCount);
            Result result = drive(caller, seconds * rate);
            System.out.printf("reasons: %s%n", result.reasons);
            System.out.printf("latency ms: %s; load average %.2f%n", result.summary(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("rules alone (in-process, one thread, no TCP): %s%n", decideDirectly(routing, 6000));
            System.out.printf("routing requests=%d errors=%d p99_ms=%.2f%n", result.requests(), result.errors.get(),
                    result.percentile(99));
            return 0;
        } finally {
            dropDatabase();
        }
    }

    private ConfigurableApplicationContext start(BenchRedis redis) {
        String id = UUID.randomUUID().toString();
        String stream = "line102:bench:routing:" + id + ":calls";
        String[] args = {
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DB,
                "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off",
                "--server.port=0",
                "--line102.embedded.enabled=false",
                "--line102.redis.host=" + redis.host,
                "--line102.redis.port=" + redis.port,
                "--line102.cti.replay.calls-per-second=0",
                "--line102.cti.stream.key=" + stream,
                // Absolute: outside the demo profiles a relative spool is refused.
                "--line102.cti.stream.spool-dir=" + java.nio.file.Path.of("bench/target/routing-spool").toAbsolutePath(),
                "--line102.recorder.storage.require-absolute=false", // a bench keeps recordings in scratch folders
                "--line102.callcenter.intake.consumer-name=routing-bench",
                "--line102.callcenter.routing.changes-channel=line102:bench:routing:" + id + ":changes",
                "--line102.cti.agi.port=0",
                "--logging.file.name=" + System.getProperty("bench.log", "bench/target/routing.log"),
                "--logging.threshold.console=WARN",
        };
        return new SpringApplication(CallcenterApplication.class).run(args);
    }

    /** The same mix of numbers decided by calling the service directly: what the rules cost without the network. */
    private String decideDirectly(RoutingService routing, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            RouteRequest request = new RouteRequest(CallId.derive("bench", "direct." + i), nextNumber(), "en",
                    "from-pstn", "102");
            long t = System.nanoTime();
            routing.decide(request);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return String.format("p50=%.3f ms p99=%.3f ms max=%.3f ms", nanos[count / 2] / 1e6,
                nanos[(int) Math.ceil(count * 0.99) - 1] / 1e6, nanos[count - 1] / 1e6);
    }

    /** Sends {@code count} requests at {@code rate}/s, each due at its own time. */
    private Result drive(AgiCaller caller, int count) throws InterruptedException {
        Result result = new Result(count);
        ExecutorService clients = Executors.newFixedThreadPool(64, r -> {
            Thread thread = new Thread(r, "bench-agi-client");
            thread.setDaemon(true);
            return thread;
        });
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String number = nextNumber();
            String uniqueId = "1795390568." + i + "-" + System.identityHashCode(result);
            int index = i;
            clients.execute(() -> result.record(index, due, caller, number, uniqueId));
        }
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
        return result;
    }

    /** Half unknown mobiles (every rule checked, history queried), a third prefix hits, repeat callers, withheld. */
    private String nextNumber() {
        int kind = random.nextInt(100);
        if (kind < 50) {
            return "+7701" + (1_000_000 + random.nextInt(8_999_999));
        }
        if (kind < 85) {
            return RoutingRuleSets.prefix(random.nextInt(ruleCount - RoutingRuleSets.TAIL))
                    + (1000 + random.nextInt(8999));
        }
        if (kind < 95) {
            return repeatCallers.get(random.nextInt(repeatCallers.size()));
        }
        return kind < 98 ? "unknown" : "8(717)2-12-34-56";
    }

    /** 200 numbers with 1..5 calls in the last day, some abandoned, as the intake would have recorded them. */
    private void seedHistory() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "postgres", "");
             PreparedStatement insert = c.prepareStatement("insert into calls (id, caller_number, caller_number_e164, "
                     + "caller_number_status, outcome, offered_at, ended_at) values (?, ?, ?, 'valid', ?, ?, ?)")) {
            Instant now = Instant.now();
            for (int n = 0; n < 200; n++) {
                String number = "+7705" + (1_000_000 + n);
                repeatCallers.add(number);
                int calls = 1 + n % 5;
                for (int k = 0; k < calls; k++) {
                    Instant at = now.minus(Duration.ofMinutes(30L + k * 200L));
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, number);
                    insert.setString(3, number);
                    insert.setString(4, n % 7 == 0 && k == 0 ? "abandoned" : "answered");
                    insert.setTimestamp(5, Timestamp.from(at));
                    insert.setTimestamp(6, Timestamp.from(at.plusSeconds(90)));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void recreateDatabase() throws SQLException {
        admin("drop database if exists " + DB + " with (force)");
        admin("create database " + DB);
    }

    private static void dropDatabase() {
        try {
            admin("drop database if exists " + DB + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop " + DB + ": " + e.getMessage());
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Latencies (from each request's due time to the end of its session) and what went wrong. */
    private static final class Result {

        final AtomicLongArray nanos;
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();

        Result(int count) {
            nanos = new AtomicLongArray(count);
        }

        void record(int index, long due, AgiCaller caller, String number, String uniqueId) {
            try {
                List<String> commands = caller.call(number, uniqueId);
                nanos.set(index, System.nanoTime() - due);
                String queue = AgiCaller.value(commands, "ROUTE_QUEUE");
                String prio = AgiCaller.value(commands, "ROUTE_PRIO");
                String reason = AgiCaller.value(commands, "ROUTE_REASON");
                String kind = reason == null ? "none" : reason.replaceFirst("^rule:prefix-\\d+$", "rule:prefix-*")
                        .replaceFirst("^rule:kazakh-.*$", "rule:kazakh-*");
                reasons.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                if (queue == null || prio == null || reason == null || reason.startsWith("fallback:")) {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                nanos.set(index, System.nanoTime() - due);
                errors.incrementAndGet();
                reasons.computeIfAbsent("exception:" + e.getClass().getSimpleName(), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        }

        int requests() {
            return nanos.length();
        }

        double percentile(double p) {
            long[] sorted = new long[nanos.length()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = nanos.get(i);
            }
            Arrays.sort(sorted);
            int at = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
        }

        String summary() {
            return String.format("requests=%d errors=%d p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f", requests(),
                    errors.get(), percentile(50), percentile(90), percentile(99), percentile(99.9), percentile(100));
        }
    }
}
