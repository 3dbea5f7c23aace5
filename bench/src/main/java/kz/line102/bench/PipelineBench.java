package kz.line102.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import kz.line102.callcenter.CallcenterApplication;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.ReplayHandle;
import kz.line102.cti.replay.ScenarioMix;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code bench/run pipeline}: captured Asterisk calls through the whole path (AMI replay
 * server → asterisk-java → bridge → Redis Stream → Camel intake → PostgreSQL), with the
 * real application started in this process against its own database and stream.
 *
 * <ol>
 *   <li>raw: a bare asterisk-java connection with a do-nothing listener reads the mix at
 *       pace 0 from its own replay server; its calls/s is the yardstick;</li>
 *   <li>full speed: the same mix at pace 0 into our bridge, timed until every call has
 *       its final record (outcome and end) in PostgreSQL;</li>
 *   <li>100 calls/s: the mix offered at a steady 100 calls/s at real pace; latency of each
 *       event from the replay writing it (its AMI Timestamp, the event's {@code at}) to
 *       its insert in the committing transaction ({@code received_at}).</li>
 * </ol>
 * Last line: {@code pipeline calls=… recorded=… duplicated=… max_calls_per_s=… p99_ms_at_100cps=… ratio_vs_raw=…}.
 */
public final class PipelineBench {

    private static final int CALLS = Integer.getInteger("bench.calls", 10_000);
    private static final double OFFERED_CPS = Double.parseDouble(System.getProperty("bench.cps", "100"));
    /** Calls/s in scenario time for the pace-0 runs: calls overlap as they would at the offered load. */
    private static final double FAST_CPS = Double.parseDouble(System.getProperty("bench.fast-cps", "100"));
    private static final int WARMUP_INSTANCES = Integer.getInteger("bench.warmup", 300);
    private static final String DB_HOST = System.getProperty("bench.db.host", "127.0.0.1");
    private static final int DB_PORT = Integer.getInteger("bench.db.port", 5432);
    private static final String DB_NAME = System.getProperty("bench.db.name", "line102_bench");
    private static final String PBX = "bench";
    private static final String AMI_USER = "bench";
    private static final String AMI_SECRET = "bench";

    private final CallPlan plan = CallPlan.forCalls(CALLS);
    private final String stream = "line102:bench:" + UUID.randomUUID() + ":calls";
    private final BenchDatabase db = new BenchDatabase(DB_HOST, DB_PORT, DB_NAME, "postgres");
    private final List<UUID> played = new ArrayList<>();
    private BenchRedis benchRedis;
    private AmiReplayServer server;
    private ConfigurableApplicationContext app;
    private UnifiedJedis redis;

    /** One measured run of ours. */
    private record Run(List<UUID> ids, double seconds, int recorded, int duplicated, long events) {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        PipelineBench bench = new PipelineBench();
        Summary summary = bench.run();
        // Last, after the application has shut down and logged what it logs on the way.
        System.out.println(summary);
        System.exit(summary.recorded == summary.calls && summary.duplicated == 0 ? 0 : 1);
    }

    /** The last line; the exit status is 1 when a call was not recorded or something was stored twice. */
    private record Summary(int calls, int recorded, int duplicated, double maxCallsPerSecond, double p99Millis,
                           double ratioVsRaw) {
        @Override
        public String toString() {
            return String.format("pipeline calls=%d recorded=%d duplicated=%d max_calls_per_s=%.0f "
                    + "p99_ms_at_100cps=%.1f ratio_vs_raw=%.2f", calls, recorded, duplicated, maxCallsPerSecond,
                    p99Millis, ratioVsRaw);
        }
    }

    /** Runs the benchmark and cleans up. */
    private Summary run() throws Exception {
        Path spool = Files.createTempDirectory("line102-bench-spool");
        out("pipeline: %d calls = %d replay instances of the bundled mix; stream %s, database %s", plan.calls,
                plan.instances, stream, DB_NAME);
        try {
            db.recreate();
            benchRedis = BenchRedis.start();
            out("redis: %s on %s:%d", benchRedis.isPrivate() ? "a private redis-server" : "the given Redis",
                    benchRedis.host, benchRedis.port);
            server = AmiReplayServer.start(ReplayConfig.ephemeral(AMI_USER, AMI_SECRET));
            app = startApplication(spool);
            redis = app.getBean(UnifiedJedis.class);
            Poll.require("the bridge to log in to the replay server", Duration.ofSeconds(30), Duration.ofMillis(100),
                    () -> server.loggedInClients() == 1);

            double fastRate = plan.instancesPerSecond(FAST_CPS);
            out("raw: bare asterisk-java ManagerConnection, do-nothing listener, own replay server, pace 0");
            RawAmiBaseline.Result raw = RawAmiBaseline.measure(plan, fastRate, WARMUP_INSTANCES);
            out("raw: %d events played, %d received, %.2f s: %.0f calls/s", raw.eventsPlayed(), raw.eventsReceived(),
                    raw.seconds(), raw.callsPerSecond());

            out("warm-up: %d instances through the pipeline", WARMUP_INSTANCES);
            List<ReplayHandle> warm = server.playMany(WARMUP_INSTANCES, fastRate, ScenarioMix.allBundled(), 0);
            List<UUID> warmIds = plan.callIds(PBX, warm);
            played.addAll(warmIds);
            awaitFinished(warmIds.size(), 0, Duration.ofMinutes(5), 100, null);
            quiesce(warmIds);

            out("full speed: %d calls at pace 0 into the bridge", plan.calls);
            Run full = measure(plan.instances, fastRate, 0, Duration.ofMinutes(20), 100);
            double maxCps = plan.calls / full.seconds;
            out("full speed: %d/%d recorded, %d duplicated, %d events, %.2f s: %.0f calls/s", full.recorded,
                    plan.calls, full.duplicated, full.events, full.seconds, maxCps);

            out("steady: %d calls offered at %.0f calls/s, real pace (about %.0f s plus the last calls' length)",
                    plan.calls, OFFERED_CPS, plan.calls / OFFERED_CPS);
            Run steady = measure(plan.instances, plan.instancesPerSecond(OFFERED_CPS), 1,
                    Duration.ofSeconds((long) (plan.calls / OFFERED_CPS) + 600), 500);
            double[] latency = db.latencyMillis(steady.ids);
            double[] split = db.latencySplitP99(steady.ids);
            out("steady: %d/%d recorded, %d duplicated, %d events, AMI write -> PostgreSQL insert: p50 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms", steady.recorded, plan.calls, steady.duplicated, steady.events,
                    latency[0], latency[1], latency[2]);
            out("steady: p99 of the halves: AMI write -> Redis %.1f ms, Redis -> PostgreSQL %.1f ms", split[0],
                    split[1]);

            int stray = db.strayCalls(played);
            out("call records of no played call: %d", stray);
            int recorded = Math.min(full.recorded, steady.recorded);
            int duplicated = Math.max(full.duplicated, steady.duplicated) + stray;
            out("(recorded = the lower of the two runs, duplicated = the higher of the two runs plus stray records)");
            return new Summary(plan.calls, recorded, duplicated, maxCps, latency[1], maxCps / raw.callsPerSecond());
        } finally {
            cleanUp(spool);
        }
    }

    private Run measure(int instances, double instancesPerSecond, double pace, Duration limit, long pollMillis)
            throws Exception {
        int before = db.finishedTotal();
        long t0 = System.nanoTime();
        List<ReplayHandle> handles = server.playMany(instances, instancesPerSecond, ScenarioMix.allBundled(), pace);
        List<UUID> ids = plan.callIds(PBX, handles);
        played.addAll(ids);
        awaitFinished(ids.size(), before, limit, pollMillis, t0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        quiesce(ids);
        int duplicated = db.duplicatedEvents(ids) + db.numbersRecordedTwice(ids);
        return new Run(ids, seconds, db.recorded(ids), duplicated, db.events(ids));
    }

    /** Polls the count of final call records (the database holds only this benchmark's calls). */
    private void awaitFinished(int calls, int before, Duration limit, long pollMillis, Long t0) throws Exception {
        long start = t0 != null ? t0 : System.nanoTime();
        long deadline = start + limit.toNanos();
        long nextReport = start + 5_000_000_000L;
        int done;
        while ((done = db.finishedTotal() - before) < calls) {
            long now = System.nanoTime();
            if (now > deadline) {
                out("  gave up after %s: %d of %d calls final", limit, done, calls);
                return;
            }
            if (t0 != null && now >= nextReport) {
                nextReport += 5_000_000_000L;
                out("  %5.0f s: %d/%d calls final, %d entries waiting in the stream, load average %s",
                        (now - start) / 1e9, done, calls, redis.xlen(stream), load());
            }
            Poll.pause(Duration.ofMillis(pollMillis));
        }
    }

    /** Waits until the stream is empty and no event of these calls was stored for a second. */
    private void quiesce(List<UUID> ids) throws Exception {
        long last = -1;
        long now;
        while ((now = db.events(ids)) != last || redis.xlen(stream) > 0) {
            last = now;
            Poll.pause(Duration.ofSeconds(1));
        }
    }

    private ConfigurableApplicationContext startApplication(Path spool) {
        String[] args = {
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off",
                "--server.port=0",
                "--line102.embedded.enabled=false",
                "--line102.redis.host=" + benchRedis.host,
                "--line102.redis.port=" + benchRedis.port,
                "--line102.cti.ami.host=127.0.0.1",
                "--line102.cti.ami.port=" + server.port(),
                "--line102.cti.ami.username=" + AMI_USER,
                "--line102.cti.ami.secret=" + AMI_SECRET,
                "--line102.cti.ami.pbx=" + PBX,
                "--line102.cti.replay.enabled=false",
                // The routing service (FastAGI) is not measured here: any free port, never 4573.
                "--line102.cti.agi.port=0",
                "--line102.cti.stream.key=" + stream,
                "--line102.cti.stream.spool-dir=" + spool,
                "--line102.recorder.storage.require-absolute=false", // a bench keeps recordings in scratch folders
                "--line102.callcenter.intake.consumer-name=bench-1",
                "--logging.file.name=" + System.getProperty("bench.log", "bench/target/pipeline.log"),
                "--logging.threshold.console=WARN",
        };
        out("starting the callcenter application (log: %s)", System.getProperty("bench.log", "bench/target/pipeline.log"));
        return new SpringApplication(CallcenterApplication.class).run(args);
    }

    private void cleanUp(Path spool) {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
        if (benchRedis != null) {
            try (Jedis jedis = new Jedis(benchRedis.host, benchRedis.port)) {
                jedis.del(stream);
            } catch (RuntimeException e) {
                out("could not delete stream %s: %s", stream, e);
            }
            try {
                benchRedis.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        try (Stream<Path> files = Files.walk(spool)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            out("could not delete spool %s: %s", spool, e);
        }
    }

    /** The machine's 1-minute load average: other processes on a shared machine show up in the latency. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    static void out(String format, Object... args) {
        System.out.printf(format + "%n", args);
        System.out.flush();
    }
}
