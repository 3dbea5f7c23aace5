package kz.line102.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.ReplayHandle;

/**
 * {@code bench/run recfaults}: recorded calls at 5 calls/s through the real recorder (spool
 * source, JavaCV) of one application node in a JVM of its own, which is killed (SIGKILL)
 * twice and started again. Each played call's MixMonitor file appears in the spool when
 * its caller hangs up (a copy of the lab's MixMonitor WAV under the name the call's
 * MIXMONITOR_FILENAME gives, with its fresh uniqueid); the PBX's CEL/queue_log/CDR rows are
 * written as in {@code faults}, so calls that ran while the node was dead exist in the logs.
 * Five torn WAVs (the crash capture's zero-header file) are dropped in the spool under names
 * of no call. Last line: {@code recfaults recordings=… archived=… lost=… truncated=… orphans=…}.
 */
public final class RecFaultsBench {

    private static final int RECORDINGS = Integer.getInteger("bench.recordings", 500);
    private static final double CPS = Double.parseDouble(System.getProperty("bench.cps", "5"));
    private static final int TORN = 5;
    private static final int CATCH_UP_SECONDS = Integer.getInteger("bench.catch-up-seconds", 600);
    private static final Path FIXTURES = Path.of(System.getProperty("bench.fixtures",
            "/work/shared/fixtures/asterisk/22.10.1"));
    private static final String DB_NAME = System.getProperty("bench.db.name", "line102_recfaults_bench");

    private final CallPlan plan = CallPlan.twoCallersFirst(RECORDINGS);
    private final BenchDatabase db = new BenchDatabase("127.0.0.1", 5432, DB_NAME, "postgres");
    private final Path dir = Path.of(System.getProperty("bench.dir", "bench/target/recfaults")).toAbsolutePath();
    private final Path spool = dir.resolve("spool");
    /** Recording files (names) by the call (linkedid) they belong to, as MIXMONITOR_FILENAME named them. */
    private final Map<String, Set<String>> pending = new ConcurrentHashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final ExecutorService files = Executors.newSingleThreadExecutor();
    private final List<String> torn = new ArrayList<>();
    private BenchRedis redis;
    private AmiReplayServer server;
    private PbxLogWriter logs;
    private BenchNode node;
    private long t0;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        RecFaultsBench bench = new RecFaultsBench();
        String line;
        try {
            line = bench.run();
        } finally {
            bench.cleanUp();
        }
        System.out.println(line);
        System.exit(0);
    }

    private String run() throws Exception {
        deleteTree(dir);
        Files.createDirectories(spool);
        Files.createDirectories(dir.resolve("archive"));
        out("recfaults: %d calls = %d replay instances at %.0f calls/s; spool %s", plan.calls, plan.instances, CPS,
                spool);
        db.recreate();
        redis = BenchRedis.start();
        server = AmiReplayServer.start(ReplayConfig.ephemeral("bench", "bench"));
        node = new BenchNode("bench-rec", appArgs(), dir.resolve("node.out"));
        startNode();
        logs = new PbxLogWriter(db.url());
        logs.alsoTell(this::recordingEvent);
        server.setEventListener(logs);
        List<ReplayHandle> handles = server.playMany(plan.instances, plan.instancesPerSecond(CPS),
                plan.mix(), 1);
        t0 = System.nanoTime();
        double d = plan.calls / CPS;
        at(0.30 * d);
        killAndRestart(1);
        at(0.50 * d);
        placeTorn();
        at(0.65 * d);
        killAndRestart(2);
        for (ReplayHandle h : handles) {
            h.done().get();
        }
        files.submit(() -> { }).get();
        out("%6.1f s: every call played, %d recording files written to the spool", since(), created.size());
        Poll.require("the node to be up", Duration.ofMinutes(5), Duration.ofMillis(500), node::ready);
        long deadline = System.nanoTime() + CATCH_UP_SECONDS * 1_000_000_000L;
        int[] r = count();
        while (System.nanoTime() < deadline && (r[0] < created.size() || r[1] < TORN)) {
            out("%6.1f s: archived %d of %d, torn archived as truncated %d of %d, orphans %d", since(), r[0],
                    created.size(), r[1], TORN, r[2]);
            Poll.pause(Duration.ofSeconds(10));
            r = count();
        }
        int lost = created.size() - r[0];
        return String.format("recfaults recordings=%d archived=%d lost=%d truncated=%d orphans=%d", created.size(),
                r[0], lost, r[3], r[2]);
    }

    /** Recording file names from MIXMONITOR_FILENAME; the file appears when the call's caller hangs up. */
    private void recordingEvent(ReplayHandle h, Map<String, String> f) {
        String linkedid = f.get("Linkedid");
        if (linkedid == null) {
            return;
        }
        if ("VarSet".equals(f.get("Event")) && "MIXMONITOR_FILENAME".equals(f.get("Variable"))) {
            String value = f.get("Value");
            pending.computeIfAbsent(linkedid, k -> ConcurrentHashMap.newKeySet())
                    .add(value.substring(value.lastIndexOf('/') + 1));
        } else if ("Hangup".equals(f.get("Event")) && linkedid.equals(f.get("Uniqueid"))) {
            Set<String> names = pending.remove(linkedid);
            if (names != null) {
                files.execute(() -> names.forEach(this::writeRecording));
            }
        }
    }

    private void writeRecording(String name) {
        try {
            Path tmp = spool.resolve("." + name + ".tmp");
            Files.copy(FIXTURES.resolve("recording-answered-mixmonitor.wav"), tmp,
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, spool.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            created.add(name);
        } catch (java.io.IOException e) {
            out("could not write %s: %s", name, e);
        }
    }

    private void startNode() throws Exception {
        node.start("kz.line102.callcenter.CallcenterApplication", System.getProperty("bench.node-heap", "1g"));
        Poll.require("the node to start", Duration.ofMinutes(5), Duration.ofMillis(500), node::ready);
        out("%6.1f s: node up", t0 == 0 ? 0 : since());
    }

    private void killAndRestart(int n) throws Exception {
        out("%6.1f s: killing the application (SIGKILL), %d of 2", since(), n);
        node.kill();
        node.start("kz.line102.callcenter.CallcenterApplication", System.getProperty("bench.node-heap", "1g"));
        out("%6.1f s: started again (up when it answers HTTP)", since());
    }

    private void placeTorn() throws Exception {
        Path wav = FIXTURES.resolve("faults/pbx-crash-recording/torn-mixmonitor.wav");
        for (int i = 0; i < TORN; i++) {
            String name = "102-20261204-065118-" + (1_700_000_000 + i) + ".9" + i + ".wav";
            Files.copy(wav, spool.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            torn.add(name);
        }
        out("%6.1f s: %d torn WAVs (zero RIFF and data sizes, 10.24 s of audio) placed in the spool", since(), TORN);
    }

    /** archived (of the played calls' files), torn ones archived, orphans, truncated. */
    private int[] count() throws Exception {
        int archived = 0;
        int tornArchived = 0;
        int orphans = 0;
        int truncated = 0;
        try (Connection c = DriverManager.getConnection(db.url(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select regexp_replace(source_name, '^.*/', ''), orphan, "
                     + "truncated_reason is not null from recordings where deleted_at is null")) {
            Set<String> seen = new LinkedHashSet<>();
            while (rs.next()) {
                String name = rs.getString(1);
                if (!seen.add(name)) {
                    continue;
                }
                if (created.contains(name)) {
                    archived++;
                }
                if (torn.contains(name)) {
                    tornArchived++;
                }
                orphans += rs.getBoolean(2) ? 1 : 0;
                truncated += rs.getBoolean(3) ? 1 : 0;
            }
        }
        return new int[] {archived, tornArchived, orphans, truncated};
    }

    private List<String> appArgs() {
        return List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off",
                "--line102.embedded.enabled=false",
                "--line102.redis.host=" + redis.host,
                "--line102.redis.port=" + redis.port,
                "--line102.cti.ami.host=127.0.0.1",
                "--line102.cti.ami.port=" + server.port(),
                "--line102.cti.ami.username=bench",
                "--line102.cti.ami.secret=bench",
                "--line102.cti.ami.pbx=bench",
                "--line102.cti.replay.enabled=false",
                "--line102.cti.agi.port=0",
                "--line102.cti.stream.key=line102:bench:" + UUID.randomUUID() + ":calls",
                "--line102.cti.stream.spool-dir=" + dir.resolve("cti-spool"),
                "--line102.recorder.storage.require-absolute=false",
                "--line102.recorder.ingest.spool-dir=" + spool,
                "--line102.recorder.ingest.work-dir=" + dir.resolve("archive/.work"),
                "--line102.recorder.storage.archive-root=" + dir.resolve("archive"),
                "--line102.recorder.storage.min-free-bytes=0",
                // Quiet periods shortened so that the run ends in minutes, not hours.
                "--line102.recorder.ingest.quiet-period=" + System.getProperty("bench.quiet-period", "10s"),
                "--line102.recorder.ingest.sweep-interval=10s",
                "--line102.recorder.ingest.orphan-sweep.interval=10s",
                "--line102.recorder.ingest.orphan-sweep.min-age=" + System.getProperty("bench.orphan-min-age", "30s"),
                "--line102.callcenter.pbxlog.interval=10s",
                "--line102.callcenter.pbxlog.settle=5s",
                "--logging.file.name=" + dir.resolve("node.log"),
                "--logging.threshold.console=WARN");
    }

    private void at(double seconds) {
        long until = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < until) {
            Poll.pause(Duration.ofMillis(Math.max(1, Math.min(200, (until - System.nanoTime()) / 1_000_000))));
        }
    }

    private double since() {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void cleanUp() {
        try {
            if (node != null) {
                node.close();
            }
        } catch (Exception e) {
            out("could not stop the node: %s", e);
        }
        files.shutdown();
        try {
            if (logs != null) {
                logs.close();
            }
        } catch (Exception e) {
            out("pbx log writer: %s", e);
        }
        if (server != null) {
            server.close();
        }
        try {
            if (redis != null) {
                redis.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (Boolean.getBoolean("bench.keep-database")) {
                out("kept database %s for inspection (-Dbench.keep-database)", DB_NAME);
            } else {
                db.close();
            }
        } catch (Exception e) {
            out("could not drop database %s: %s", DB_NAME, e);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static void out(String format, Object... args) {
        PipelineBench.out(format, args);
    }
}
