package kz.line102.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import kz.line102.callcenter.CallcenterApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Line health at scale: 500 OPTIONS targets probed every 2 s by the whole application
 * (its probe scheduler, JAIN-SIP user agent, hysteresis, PostgreSQL time series and
 * alarms) for 2 minutes, against sipp as the far end. sipp listens on one port per
 * process, so 20 sipp UAS processes each stand for 25 targets (25 target rows naming
 * the same port; each is probed, timed and judged on its own). 10 % of the targets go
 * silent and come back in waves: two sipp processes are stopped (SIGSTOP) for a while,
 * then continued (SIGCONT; what they buffered comes late, as from a stalled peer).
 *
 * <p>A silence is detected when its target's {@code target-down} incident starts; its
 * delay is counted from the stop. A false alarm is an incident of a target that was not
 * silent then; a missed one a silence without its incident. CPU is the process's CPU
 * time while probing less its rate while idle (the application up, no targets) before,
 * as a share of one core. Ends with
 * {@code linehealth targets=500 probes=N false_alarms=F missed=M detect_p99_s=D cpu_pct=C}.
 *
 * <p>Options: {@code -Dbench.targets=500}, {@code -Dbench.processes=20},
 * {@code -Dbench.seconds=120}, {@code -Dbench.interval-ms=2000}, {@code -Dbench.timeout-ms=1000},
 * {@code -Dbench.silence-seconds=20}.
 */
public final class LinehealthBench {

    private static final String DB = "line102_linehealth_bench";
    private static final Path SIPP = Path.of("/usr/bin/sipp");
    /** The application's default: failed probes in a row that put a target down. */
    private static final int FAILURES_TO_DOWN = 3;

    private final int targets = Integer.getInteger("bench.targets", 500);
    private final int processes = Integer.getInteger("bench.processes", 20);
    private final int seconds = Integer.getInteger("bench.seconds", 120);
    private final int intervalMs = Integer.getInteger("bench.interval-ms", 2000);
    private final int timeoutMs = Integer.getInteger("bench.timeout-ms", 1000);
    private final int silenceSeconds = Integer.getInteger("bench.silence-seconds", 20);
    private final Path dir = Path.of(System.getProperty("bench.dir", "bench/target/linehealth"));

    /** One stop of one sipp process: its targets silent from {@code from} to {@code to}. */
    private record Silence(int process, Instant from, Instant to) {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        System.exit(new LinehealthBench().run());
    }

    private int run() throws Exception {
        if (!Files.isExecutable(SIPP)) {
            System.err.println("sipp is missing at " + SIPP + ": apt-get install -y sip-tester");
            return 2;
        }
        admin("drop database if exists " + DB + " with (force)");
        admin("create database " + DB);
        List<Process> sipps = new ArrayList<>();
        try (BenchRedis redis = BenchRedis.start(); ConfigurableApplicationContext app = start(redis)) {
            int[] ports = new int[processes];
            Path scenario = scenario();
            for (int i = 0; i < processes; i++) {
                // A free port may be taken by another process before sipp binds it: try another.
                for (int attempt = 1; ; attempt++) {
                    ports[i] = freeUdpPort();
                    try {
                        sipps.add(sipp(scenario, ports[i]));
                        break;
                    } catch (IOException e) {
                        if (attempt == 5) {
                            throw e;
                        }
                        System.out.printf("sipp on %d: %s; another port%n", ports[i], e.getMessage().lines()
                                .findFirst().orElse(""));
                    }
                }
            }
            long[] pids = sipps.stream().mapToLong(Process::pid).toArray();
            double idle = cpuRate(15_000);
            System.out.printf("idle application: %.2f %% of one core%n", idle * 100);
            insertTargets(ports);
            awaitAllUp();
            long probesBefore = count("select count(*) from line_health_probes");
            long cpu0 = cpuNanos();
            long wall0 = System.nanoTime();
            List<Silence> silences = schedule(pids);
            double busy = (double) (cpuNanos() - cpu0) / (System.nanoTime() - wall0);
            long probes = count("select count(*) from line_health_probes") - probesBefore;
            // The last silences end at the run's end: give their incidents time to close.
            Thread.sleep((long) intervalMs * 3 + timeoutMs);
            return report(silences, probes, Math.max(0, busy - idle), busy, idle);
        } finally {
            sipps.forEach(p -> {
                ProcessHandle.of(p.pid()).ifPresent(h -> signal(h.pid(), "CONT"));
                p.destroy();
            });
            try {
                admin("drop database if exists " + DB + " with (force)");
            } catch (SQLException e) {
                System.err.println("could not drop " + DB + ": " + e.getMessage());
            }
        }
    }

    /** Waves of silence: every silence-seconds + 8 s, the next 10 % of the processes stop, then continue. */
    private List<Silence> schedule(long[] pids) throws InterruptedException {
        List<Silence> done = new ArrayList<>();
        int perWave = Math.max(1, processes / 10);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int next = 0;
        Thread.sleep(10_000);
        while (System.nanoTime() + silenceSeconds * 1_000_000_000L < end) {
            List<Integer> wave = new ArrayList<>();
            for (int k = 0; k < perWave; k++) {
                wave.add(next);
                next = (next + 1) % processes;
            }
            Instant from = Instant.now();
            wave.forEach(i -> signal(pids[i], "STOP"));
            System.out.printf("%s: sipp %s silent%n", from, wave);
            Thread.sleep(silenceSeconds * 1000L);
            wave.forEach(i -> signal(pids[i], "CONT"));
            Instant to = Instant.now();
            wave.forEach(i -> done.add(new Silence(i, from, to)));
            long left = Math.min(8_000, Math.max(0, (end - System.nanoTime()) / 1_000_000));
            Thread.sleep(left);
        }
        long rest = (end - System.nanoTime()) / 1_000_000;
        if (rest > 0) {
            Thread.sleep(rest);
        }
        return done;
    }

    private int report(List<Silence> silences, long probes, double cpu, double busy, double idle) throws SQLException {
        int perProcess = targets / processes;
        long bound = (long) intervalMs * FAILURES_TO_DOWN + timeoutMs;
        List<Long> delays = new ArrayList<>();
        int missed = 0;
        int falseAlarms = 0;
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "select t.name, i.started_at, i.ended_at from line_health_incidents i"
                        + " join line_health_targets t on t.id = i.target_id where i.kind = 'target-down'")) {
            List<Object[]> incidents = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    incidents.add(new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()});
                }
            }
            boolean[] matched = new boolean[incidents.size()];
            for (Silence s : silences) {
                for (int k = 0; k < perProcess; k++) {
                    String name = "bench-" + s.process() + "-" + k;
                    boolean found = false;
                    for (int j = 0; j < incidents.size(); j++) {
                        Instant at = (Instant) incidents.get(j)[1];
                        if (!matched[j] && incidents.get(j)[0].equals(name) && !at.isBefore(s.from())
                                && !at.isAfter(s.to().plusMillis(bound))) {
                            matched[j] = true;
                            found = true;
                            delays.add(at.toEpochMilli() - s.from().toEpochMilli());
                            break;
                        }
                    }
                    if (!found) {
                        missed++;
                    }
                }
            }
            for (boolean m : matched) {
                if (!m) {
                    falseAlarms++;
                }
            }
        }
        long stillDown = count("select count(*) from line_health_incidents where ended_at is null");
        long[] d = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = d.length == 0 ? 0 : d[d.length / 2] / 1000.0;
        double p99 = d.length == 0 ? 0 : d[(int) Math.ceil(d.length * 0.99) - 1] / 1000.0;
        double max = d.length == 0 ? 0 : d[d.length - 1] / 1000.0;
        System.out.printf("silences=%d detected=%d detect_p50_s=%.2f max_s=%.2f bound_s=%.1f (interval x %d + timeout);"
                        + " incidents still open after the run: %d%n", silences.size() * perProcess, d.length, p50, max,
                bound / 1000.0, FAILURES_TO_DOWN, stillDown);
        System.out.printf("cpu: %.2f %% of one core while probing, %.2f %% idle; load average %.2f; cores %d%n",
                busy * 100, idle * 100, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("linehealth targets=%d probes=%d false_alarms=%d missed=%d detect_p99_s=%.2f cpu_pct=%.1f%n",
                targets, probes, falseAlarms, missed, p99, cpu * 100);
        return 0;
    }

    /**
     * The targets as the next version of the target set (the versioned setting
     * line-health-targets), written as another node's save would be: the application
     * finds it within its reload interval (1 s here) and starts probing.
     */
    private void insertTargets(int[] ports) throws SQLException {
        int perProcess = targets / processes;
        StringBuilder json = new StringBuilder("{\"targets\":[");
        for (int i = 0; i < processes; i++) {
            for (int k = 0; k < perProcess; k++) {
                if (i + k > 0) {
                    json.append(',');
                }
                json.append("{\"name\":\"bench-").append(i).append('-').append(k)
                        .append("\",\"host\":\"127.0.0.1\",\"port\":").append(ports[i])
                        .append(",\"transport\":\"udp\",\"intervalMs\":").append(intervalMs)
                        .append(",\"timeoutMs\":").append(timeoutMs).append('}');
            }
        }
        json.append("],\"testCalls\":null}");
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("insert into setting_versions"
                + " (setting, version, payload, created_by, action, comment) select 'line-health-targets',"
                + " coalesce(max(version), 0) + 1, ?::jsonb, 'bench', 'save', 'the benchmark''s targets'"
                + " from setting_versions where setting = 'line-health-targets'")) {
            ps.setString(1, json.toString());
            ps.executeUpdate();
        }
        System.out.printf("%d targets on %d sipp processes, every %d ms, timeout %d ms%n", perProcess * processes,
                processes, intervalMs, timeoutMs);
    }

    /** The new version is in force within a second, its targets probed at once; each is up after its first answers. */
    private void awaitAllUp() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long up = 0;
        while (System.nanoTime() < deadline) {
            up = count("select count(*) from line_health_targets where state = 'up'");
            if (up == targets) {
                System.out.printf("%s: all %d targets up%n", Instant.now(), up);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("only " + up + " of " + targets + " targets up after 60 s");
    }

    private ConfigurableApplicationContext start(BenchRedis redis) {
        String id = UUID.randomUUID().toString();
        String[] args = {
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DB,
                "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off",
                "--server.port=0",
                "--line102.embedded.enabled=false",
                "--line102.redis.host=" + redis.host,
                "--line102.redis.port=" + redis.port,
                "--line102.cti.replay.calls-per-second=0",
                "--line102.cti.stream.key=line102:bench:linehealth:" + id + ":calls",
                "--line102.cti.stream.spool-dir=" + dir.resolve("spool"),
                "--line102.recorder.storage.require-absolute=false", // a bench keeps recordings in scratch folders
                "--line102.callcenter.intake.consumer-name=linehealth-bench",
                "--line102.callcenter.routing.changes-channel=line102:bench:linehealth:" + id + ":changes",
                "--line102.cti.agi.port=0",
                "--line102.callcenter.line-health.enabled=true",
                "--line102.callcenter.line-health.reload-interval=1s",
                "--logging.file.name=" + System.getProperty("bench.log", "bench/target/linehealth.log"),
                "--logging.threshold.console=WARN",
        };
        return new SpringApplication(CallcenterApplication.class).run(args);
    }

    private Path scenario() throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("options-200.xml");
        try (InputStream in = LinehealthBench.class.getResourceAsStream("/linehealth/options-200.xml")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private Process sipp(Path scenario, int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SIPP.toString(), "-sf", scenario.toString(), "-i", "127.0.0.1", "-p",
                Integer.toString(port), "-t", "u1", "-nostdin", "-timeout", "900s")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp-" + port + ".log").toFile()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (udpFree(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroy();
                throw new IOException("sipp did not listen on " + port + ": " + Files.readString(
                        dir.resolve("sipp-" + port + ".log")));
            }
            Thread.sleep(20);
        }
        // The port may be busy because another process holds it and sipp gave up: see it alive.
        Thread.sleep(200);
        if (!p.isAlive()) {
            throw new IOException("sipp exited on " + port + ": " + Files.readString(dir.resolve("sipp-" + port
                    + ".log")));
        }
        return p;
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return s.getLocalPort() == port;
        } catch (IOException busy) {
            return false;
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This JVM's CPU time, all threads. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double cpuRate(long millis) throws InterruptedException {
        long c = cpuNanos();
        long w = System.nanoTime();
        Thread.sleep(millis);
        return (double) (cpuNanos() - c) / (System.nanoTime() - w);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "postgres", "");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
