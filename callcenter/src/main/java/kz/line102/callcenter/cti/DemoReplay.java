package kz.line102.callcenter.cti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import kz.line102.callcenter.app.DemoProfiles;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The replay server of the demo, and the steady trickle of captured calls it plays
 * (each with a fresh caller number), or nothing when a real Asterisk is configured. The
 * calls ring only the queue's ready members and pause nobody (the operators' states stay
 * theirs), and each leaves the recording MixMonitor would have written.
 *
 * <p>It runs only when asked for ({@code line102.cti.replay.enabled=true}) and only
 * under a profile that allows it ({@link DemoProfiles#REPLAY}): elsewhere the request
 * stops the start-up, since the replay plays captured calls into the system as if they
 * were real. A node with no AMI host and no replay has no PBX: its link stays DOWN.
 */
public final class DemoReplay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoReplay.class);

    /** The queue the captures' calls wait in (the AGI's default queue): its members are rung. */
    static final String QUEUE = "q102";

    private final AmiReplayServer server;
    private final double callsPerSecond;
    private final double pace;
    private DemoRecordings recordings;
    private ScheduledExecutorService timer;
    private int next;

    private DemoReplay(AmiReplayServer server, double callsPerSecond, double pace) {
        this.server = server;
        this.callsPerSecond = callsPerSecond;
        this.pace = pace;
    }

    /** What the settings and the active profiles call for; refuses a replay outside them. */
    static DemoReplay start(CtiProperties props, Environment env) {
        CtiProperties.Replay r = props.replay();
        if (props.ami().configured() || !r.enabled()) {
            return none();
        }
        if (!DemoProfiles.anyActive(env, DemoProfiles.REPLAY)) {
            throw new IllegalStateException("line102.cti.replay.enabled=true is refused without the demo or dev "
                    + "profile (active profiles: " + DemoProfiles.describe(env) + "): the replay plays captured "
                    + "Asterisk calls into the system as if they were real. Set line102.cti.ami.host to the PBX, "
                    + "or run with --spring.profiles.active=demo");
        }
        try {
            AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral(r.username(), r.secret()));
            // The captured lab had q102 only; the demo PBX has the queues a configured one would.
            r.queues().forEach(server::defineQueue);
            log.warn("{} profile, no AMI host configured (line102.cti.ami.host): playing captured Asterisk calls "
                    + "from a replay server on 127.0.0.1:{} at {} calls/s", DemoProfiles.describe(env),
                    server.port(), r.callsPerSecond());
            DemoReplay replay = playing(server, r.callsPerSecond(), r.pace());
            replay.recordings = recordings(env);
            return replay;
        } catch (IOException e) {
            throw new UncheckedIOException("the AMI replay server did not start", e);
        }
    }

    /**
     * Where MixMonitor's files go when the recorder reads a spool (the demo's does), so the
     * played calls leave recordings as Asterisk's would; none when it reads ARI's store.
     */
    private static DemoRecordings recordings(Environment env) {
        if (!"spool".equals(env.getProperty("line102.recorder.ingest.source", "spool"))) {
            return null;
        }
        String dir = env.getProperty("line102.recorder.ingest.spool-dir");
        if (dir == null || dir.isBlank()) {
            return null;
        }
        DemoRecordings made = new DemoRecordings(java.nio.file.Path.of(dir));
        log.info("demo replay writes a MixMonitor recording of every played call into {}", made.spool());
        return made;
    }

    static DemoReplay none() {
        return new DemoReplay(null, 0, 1);
    }

    static DemoReplay playing(AmiReplayServer server, double callsPerSecond, double pace) {
        return new DemoReplay(server, callsPerSecond, pace);
    }

    public boolean active() {
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
        // The lab's phones 1001 and 1002 were static members of q102: in the demo the queue's
        // members are the operators who sign in (at any desk, 1001 included), so a call never
        // rings a phone nobody sits at.
        java.util.List<String> dropped = server.dropStaticMembers(QUEUE);
        if (!dropped.isEmpty()) {
            log.info("demo replay: {} has only the operators who sign in (the lab's static members {} removed)",
                    QUEUE, dropped);
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
                playOne(scenario);
            } catch (RuntimeException e) {
                log.warn("demo replay could not start a call: {}", e.toString());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * One call, rung as Asterisk would ring it: only members that are ready now, and no pause
     * of anyone changed by the capture. Its recording is in the spool before it ends.
     */
    ReplayHandle playOne(String scenario) {
        return playOne(scenario, pace);
    }

    ReplayHandle playOne(String scenario, double atPace) {
        ReplayHandle call = server.playToReadyMembers(scenario, QUEUE, PlayOptions.paced(atPace));
        if (recordings != null) {
            recordings.write(call, server.scenario(call.scenario()).durationMicros() / 1000);
        }
        return call;
    }

    /**
     * The WAV a played call that was answered leaves in the spool ({@code seconds} long, at
     * least three): for tests and demonstrations that need a recording like the demo's.
     */
    public static byte[] answeredCallRecording(int seconds) {
        int length = Math.max(3, seconds);
        return DemoRecordings.wav(SpeechLikeAudio.conversation(length, 102L));
    }

    /** Lets a test write the played calls' recordings into its own spool. */
    void recordInto(java.nio.file.Path spool) {
        this.recordings = new DemoRecordings(spool);
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
