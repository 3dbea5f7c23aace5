package kz.line102.callcenter.cti;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay server of the demo, and the steady trickle of captured calls it plays
 * (each with a fresh caller number), or nothing when a real Asterisk is configured.
 */
public final class DemoReplay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoReplay.class);

    private final AmiReplayServer server;
    private final double callsPerSecond;
    private final double pace;
    private ScheduledExecutorService timer;
    private int next;

    private DemoReplay(AmiReplayServer server, double callsPerSecond, double pace) {
        this.server = server;
        this.callsPerSecond = callsPerSecond;
        this.pace = pace;
    }

    static DemoReplay none() {
        return new DemoReplay(null, 0, 1);
    }

    static DemoReplay playing(AmiReplayServer server, double callsPerSecond, double pace) {
        return new DemoReplay(server, callsPerSecond, pace);
    }

    boolean active() {
        return server != null;
    }

    int port() {
        return server.port();
    }

    /** The replay server, or null when a real Asterisk is configured. */
    public AmiReplayServer server() {
        return server;
    }

    synchronized void startPlaying() {
        if (server == null || callsPerSecond <= 0 || timer != null) {
            return;
        }
        String[] scenarios = Scenario.BUNDLED.toArray(String[]::new);
        long periodMillis = Math.max(1, Math.round(1000 / callsPerSecond));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-replay-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                String scenario = scenarios[next++ % scenarios.length];
                server.play(scenario, PlayOptions.paced(pace));
            } catch (RuntimeException e) {
                log.warn("demo replay could not start a call: {}", e.toString());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }
}
