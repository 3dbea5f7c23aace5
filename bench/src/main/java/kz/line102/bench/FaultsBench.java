package kz.line102.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import kz.line102.cti.CallId;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.ReplayHandle;
import redis.clients.jedis.Jedis;

/**
 * {@code bench/run faults}: captured calls replayed at 20 calls/s into two nodes of the
 * application (each its own JVM, one holding the AMI link under the Redis lease, the other
 * standing by) while the replay also writes the PBX's CEL, queue_log and CDR rows of every
 * call it plays; meanwhile, on a schedule, the AMI link is cut for 10 s three times, the
 * link holder is killed, Redis is restarted and the PBX restarts with its members lost.
 * Then every call record is compared with the truth the replay played.
 * Last line: {@code faults calls=… recorded=… wrong=… lost=… duplicated=… operators_restored=…/… max_gap_s=…}.
 */
public final class FaultsBench {

    private static final int CALLS = Integer.getInteger("bench.calls", 2_000);
    private static final double CPS = Double.parseDouble(System.getProperty("bench.cps", "20"));
    private static final int CUT_SECONDS = Integer.getInteger("bench.cut-seconds", 10);
    private static final int OPERATORS = Integer.getInteger("bench.operators", 6);
    private static final int CATCH_UP_SECONDS = Integer.getInteger("bench.catch-up-seconds", 300);
    private static final String DB_NAME = System.getProperty("bench.db.name", "line102_faults_bench");
    private static final String PBX = "bench";
    private static final String LEASE_KEY = "line102:cti:lease:ami:" + PBX;

    private final CallPlan plan = CallPlan.twoCallersFirst(CALLS);
    private final String stream = "line102:bench:" + UUID.randomUUID() + ":calls";
    private final BenchDatabase db = new BenchDatabase("127.0.0.1", 5432, DB_NAME, "postgres");
    private final Path dir = Path.of(System.getProperty("bench.dir", "bench/target/faults"));
    private final List<BenchNode> nodes = new ArrayList<>();
    private RestartableRedis redis;
    private AmiReplayServer server;
    private PbxLogWriter logs;
    private BenchOperators operators;
    private double maxGap;
    private int restored = -1;
    private long t0;

    private record Result(int recorded, int wrong, int lost, int duplicated) {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        FaultsBench bench = new FaultsBench();
        String line;
        boolean ok;
        try {
            Result r = bench.run();
            line = String.format("faults calls=%d recorded=%d wrong=%d lost=%d duplicated=%d operators_restored=%d/%d "
                    + "max_gap_s=%.1f", bench.plan.calls, r.recorded, r.wrong, r.lost, r.duplicated,
                    Math.max(0, bench.restored), OPERATORS, bench.maxGap);
            ok = r.recorded == bench.plan.calls && r.wrong == 0 && r.lost == 0 && r.duplicated == 0
                    && bench.restored == OPERATORS && bench.maxGap <= 5;
        } finally {
            bench.cleanUp();
        }
        System.out.println(line);
        System.exit(ok ? 0 : 1);
    }

    private Result run() throws Exception {
        Files.createDirectories(dir);
        out("faults: %d calls = %d replay instances of the bundled captures (two-callers first) at %.0f calls/s; database %s, logs in %s",
                plan.calls, plan.instances, CPS, DB_NAME, dir);
        db.recreate();
        redis = RestartableRedis.start();
        out("redis: a private redis-server (append-only, fsync always) on port %d", redis.port);
        server = AmiReplayServer.start(ReplayConfig.ephemeral("bench", "bench"));
        for (String name : List.of("bench-a", "bench-b")) {
            BenchNode node = new BenchNode(name, appArgs(name), dir.resolve(name + ".out"));
            node.start("kz.line102.callcenter.CallcenterApplication", System.getProperty("bench.node-heap", "1g"));
            // One after the other: the first one migrates the database.
            Poll.require(name + " to start", Duration.ofMinutes(5), Duration.ofMillis(500), node::ready);
            nodes.add(node);
            out("node %s up (http %d)", name, node.httpPort);
        }
        Poll.require("both nodes to log in to the PBX", Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> server.loggedInClients() >= 2);
        out("link held by %s", holder());
        logs = new PbxLogWriter(db.url());
        server.setEventListener(logs);
        operators = new BenchOperators(nodes.get(0).httpPort);
        List<BenchOperators.Operator> ops = operators.signIn(OPERATORS);
        for (BenchOperators.Operator op : ops) {
            out("  %s at %s: %s", op.username(), op.iface(), operators.state(op.username()));
        }
        out("%d operators signed in (%d paused)", ops.size(), ops.stream().filter(o -> o.pauseReason() != null).count());

        List<ReplayHandle> handles = server.playMany(plan.instances, plan.instancesPerSecond(CPS),
                plan.mix(), 1);
        t0 = System.nanoTime();
        List<UUID> ids = plan.callIds(PBX, handles);
        double d = plan.calls / CPS;
        at(0.10 * d);
        cut(1);
        at(0.30 * d);
        killHolder();
        at(0.45 * d);
        cut(2);
        at(0.60 * d);
        out("%6.1f s: redis restart", since());
        out("%6.1f s: redis back after %.2f s", since(), redis.restart());
        at(0.75 * d);
        cut(3);
        at(0.90 * d);
        restartPbx(ops);
        for (ReplayHandle h : handles) {
            h.done().get();
        }
        out("%6.1f s: every call played; %d PBX log rows written", since(), logs.rows());
        Poll.require("the PBX log rows to be written", Duration.ofMinutes(2), Duration.ofMillis(200),
                () -> logs.backlog() == 0);
        return catchUp(ids);
    }

    /** Waits for the records to match the truth (or stop changing), reporting as it goes. */
    private Result catchUp(List<UUID> ids) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_SECONDS * 1_000_000_000L;
        Result r = compare(false);
        while (System.nanoTime() < deadline && (r.lost > 0 || r.wrong > 0)) {
            out("%6.1f s: recorded %d, wrong %d, lost %d; waiting for the reconciler", since(), r.recorded, r.wrong,
                    r.lost);
            Poll.pause(Duration.ofSeconds(10));
            r = compare(false);
        }
        r = compare(true);
        int dup = db.duplicatedEvents(ids) + db.numbersRecordedTwice(ids) + db.strayCalls(ids);
        try (Connection c = DriverManager.getConnection(db.url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select coalesce(source, '?'), count(*) from calls "
                     + "group by 1 order by 1");
             ResultSet rs = ps.executeQuery()) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                b.append(' ').append(rs.getString(1)).append('=').append(rs.getInt(2));
            }
            out("records by their weakest source (observed on AMI, logged by the PBX, inferred):%s", b);
        }
        out("duplicated: %d events stored twice, %d numbers on two records, %d records of no played call",
                db.duplicatedEvents(ids), db.numbersRecordedTwice(ids), db.strayCalls(ids));
        return new Result(r.recorded, r.wrong, r.lost, dup);
    }

    private Result compare(boolean report) throws Exception {
        Map<String, CallTruth> truth = logs.truths();
        Map<UUID, String[]> records = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select id, outcome, queue, operator, wait_seconds, "
                     + "talk_seconds from calls");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                records.put((UUID) rs.getObject(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)});
            }
        }
        int recorded = 0;
        int wrong = 0;
        int lost = 0;
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        for (CallTruth t : truth.values()) {
            UUID id = UUID.fromString(CallId.derive(PBX, t.linkedid).value());
            String[] r = records.get(id);
            if (r == null || r[0] == null) {
                lost++;
                kinds.merge(t.scenario + " lost", 1, Integer::sum);
                if (samples.size() < 20) {
                    samples.add(t.scenario + " " + t.linkedid + " lost (" + (r == null ? "no record" : "no outcome")
                            + ")");
                }
                continue;
            }
            recorded++;
            String diff = t.differences(r[0], r[1], r[2], r[3] == null ? null : Integer.valueOf(r[3]),
                    r[4] == null ? null : Integer.valueOf(r[4]));
            if (diff != null) {
                wrong++;
                kinds.merge(t.scenario + " " + diff.replaceAll("[-0-9a-z]+/[-0-9a-z]+", "").trim(), 1,
                        Integer::sum);
                if (samples.size() < 20) {
                    samples.add(t.scenario + " " + t.linkedid + " " + diff + " (expected/got)");
                }
            }
        }
        if (report) {
            out("truth: %d calls played (plan %d)", truth.size(), plan.calls);
            kinds.forEach((k, n) -> out("  %5d  %s", n, k));
            samples.forEach(s -> out("  e.g. %s", s));
        }
        return new Result(recorded, wrong, lost, 0);
    }

    private void cut(int n) {
        out("%6.1f s: AMI link cut %d for %d s (calls go on at the PBX, into its logs only)", since(), n, CUT_SECONDS);
        server.refuseConnections();
        server.dropClients(false);
        Poll.pause(Duration.ofSeconds(CUT_SECONDS));
        server.acceptConnections();
        out("%6.1f s: AMI link cut %d over", since(), n);
    }

    private void killHolder() throws Exception {
        String holder = holder();
        BenchNode dying = nodes.stream().filter(n -> n.name.equals(holder)).findFirst().orElse(nodes.get(0));
        BenchNode standby = nodes.stream().filter(n -> n != dying).findFirst().orElseThrow();
        out("%6.1f s: killing %s (SIGKILL), the link holder", since(), dying.name);
        dying.kill();
        operators.use(standby.httpPort);
        long k = System.nanoTime();
        boolean took = Poll.until(Duration.ofSeconds(60), Duration.ofMillis(20),
                () -> standby.name.equals(holder()));
        double gap = (System.nanoTime() - k) / 1e9;
        maxGap = Math.max(maxGap, took ? gap : 60);
        out("%6.1f s: %s holds the link %.2f s after the kill%s", since(), standby.name, gap, took ? "" : " (NOT)");
    }

    private void restartPbx(List<BenchOperators.Operator> ops) {
        out("%6.1f s: PBX restart (persistentmembers = no: every member lost)", since());
        server.clearActionsReceived();
        logs.pbxStarted(System.currentTimeMillis() * 1000);
        server.restartPbx(false);
        Poll.until(Duration.ofSeconds(60), Duration.ofMillis(100), () -> server.loggedInClients() >= 1);
        out("%6.1f s: the link is back", since());
        // The application needs a moment to see the restart (an operator shows offline, not-in-pbx,
        // until restored): judge only after that, then wait for every one to be back.
        Poll.pause(Duration.ofSeconds(10));
        Poll.until(Duration.ofSeconds(60), Duration.ofMillis(500), () -> statesRestored(ops) == ops.size());
        restored = statesRestored(ops);
        out("%6.1f s: %d/%d operators show their state again (%d sent back to the PBX with QueueAdd; the others "
                + "the PBX listed again by itself)", since(), restored, ops.size(), countRestored(ops));
        for (BenchOperators.Operator op : ops) {
            String state = operators.state(op.username());
            if (!state.equals(BenchOperators.expected(op))) {
                out("  %s (%s): expected %s, shows %s", op.username(), op.iface(), BenchOperators.expected(op), state);
            }
        }
    }

    private int statesRestored(List<BenchOperators.Operator> ops) {
        int n = 0;
        for (BenchOperators.Operator op : ops) {
            if (operators.state(op.username()).equals(BenchOperators.expected(op))) {
                n++;
            }
        }
        return n;
    }

    /** Operators whose QueueAdd (and, if paused, a later QueuePause with their reason) reached the PBX. */
    private int countRestored(List<BenchOperators.Operator> ops) {
        List<Map<String, String>> sent = server.actionsReceived();
        int n = 0;
        for (BenchOperators.Operator op : ops) {
            int add = -1;
            boolean paused = false;
            for (int i = 0; i < sent.size(); i++) {
                Map<String, String> a = sent.get(i);
                if (!op.iface().equals(a.get("interface"))) {
                    continue;
                }
                if ("queueadd".equalsIgnoreCase(a.get("action"))) {
                    add = i;
                } else if (add >= 0 && "queuepause".equalsIgnoreCase(a.get("action"))
                        && op.pauseReason() != null && op.pauseReason().equals(a.get("reason"))) {
                    paused = true;
                }
            }
            if (add >= 0 && (op.pauseReason() == null || paused)) {
                n++;
            }
        }
        return n;
    }

    /** The node holding the AMI link lease (its owner token is {@code node/uuid}), or null. */
    private String holder() {
        try (Jedis j = new Jedis(redis.host, redis.port)) {
            String v = j.get(LEASE_KEY);
            return v == null ? null : v.split("/", 2)[0];
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<String> appArgs(String name) {
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
                "--line102.cti.ami.pbx=" + PBX,
                "--line102.cti.replay.enabled=false",
                "--line102.cti.agi.port=0",
                "--line102.cti.stream.key=" + stream,
                "--line102.cti.stream.spool-dir=" + dir.toAbsolutePath().resolve("spool-" + name),
                "--line102.recorder.storage.require-absolute=false",
                "--line102.callcenter.security.bootstrap-admin.username=" + BenchOperators.ADMIN,
                "--line102.callcenter.security.bootstrap-admin.password=" + BenchOperators.PASSWORD,
                "--line102.callcenter.pbxlog.interval=" + System.getProperty("bench.pbxlog.interval", "10s"),
                "--line102.callcenter.pbxlog.settle=" + System.getProperty("bench.pbxlog.settle", "5s"),
                "--logging.file.name=" + dir.toAbsolutePath().resolve(name + ".log"),
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
        for (BenchNode n : nodes) {
            try {
                n.close();
            } catch (Exception e) {
                out("could not stop %s: %s", n.name, e);
            }
        }
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

    static void out(String format, Object... args) {
        PipelineBench.out(format, args);
    }
}
