package kz.line102.cti.replay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the replay server for the demo, starting calls forever:
 * {@code --port 5038 --username cti --secret … --pace 1 --calls-per-second 0.2 --scenario answered:3,abandon:1}.
 * The secret may come from {@code LINE102_AMI_REPLAY_SECRET} instead of the command line.
 */
public final class AmiReplayMain {

    private static final Logger log = LoggerFactory.getLogger(AmiReplayMain.class);
    /** Unpaced calls are started in rounds of this many, each round after the previous one ended. */
    private static final int UNPACED_ROUND = 1_000;

    private AmiReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int port = Integer.parseInt(opts.getOrDefault("port", "5038"));
        String username = opts.getOrDefault("username", "cti");
        String secret = opts.getOrDefault("secret", System.getenv("LINE102_AMI_REPLAY_SECRET"));
        if (secret == null) {
            throw new IllegalArgumentException("give --secret or set LINE102_AMI_REPLAY_SECRET");
        }
        double pace = Double.parseDouble(opts.getOrDefault("pace", "1"));
        double callsPerSecond = Double.parseDouble(opts.getOrDefault("calls-per-second", "0.2"));
        if (callsPerSecond <= 0) {
            throw new IllegalArgumentException("--calls-per-second must be > 0");
        }
        ScenarioMix mix = ScenarioMix.parse(opts.getOrDefault("scenario", "all"));

        AmiReplayServer server = AmiReplayServer.start(new ReplayConfig(port, username, secret));
        CountDownLatch stopped = new CountDownLatch(1);
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(new NamedThreads("ami-replay-feeder"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            feeder.shutdownNow();
            server.close();
            stopped.countDown();
        }, "ami-replay-shutdown"));
        log.info("replaying on port {} at pace {}, {} calls/s of scenario time", server.port(), pace, callsPerSecond);
        if (pace > 0) {
            AtomicInteger next = new AtomicInteger();
            long periodNanos = (long) (1e9 / (callsPerSecond * pace));
            feeder.scheduleAtFixedRate(() -> server.play(mix.get(next.getAndIncrement()), PlayOptions.paced(pace)),
                    0, periodNanos, TimeUnit.NANOSECONDS);
        } else {
            feeder.execute(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    List<ReplayHandle> round = server.playMany(UNPACED_ROUND, callsPerSecond, mix, 0);
                    round.get(round.size() - 1).done().join();
                    log.info("{} events played so far", server.eventsPlayed());
                }
            });
        }
        stopped.await();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                opts.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                opts.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
        }
        return opts;
    }
}
