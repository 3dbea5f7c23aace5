package kz.line102.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.ReplayHandle;
import kz.line102.cti.replay.ScenarioMix;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;

/**
 * The yardstick: a bare asterisk-java {@code ManagerConnection} whose listener only
 * counts, reading the same mix from its own replay server (nothing else is connected
 * to it, and our pipeline is idle meanwhile). Its rate is what asterisk-java alone
 * reads on this machine; ours cannot exceed it, since our AMI link is asterisk-java too.
 */
final class RawAmiBaseline {

    /** What the bare client received of a replay, and how long it took. */
    record Result(int calls, long eventsPlayed, long eventsReceived, double seconds) {
        double callsPerSecond() {
            return calls / seconds;
        }
    }

    private static final String USER = "bench";
    private static final String SECRET = "bench";

    private RawAmiBaseline() {
    }

    /**
     * Replays {@code plan} at pace 0 ({@code instancesPerSecond} in scenario time) to the bare
     * client after a warm-up of {@code warmupInstances}; the time runs from the start of the
     * replay to the last event the client received.
     */
    static Result measure(CallPlan plan, double instancesPerSecond, int warmupInstances) throws Exception {
        try (AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral(USER, SECRET))) {
            ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", server.port(), USER, SECRET)
                    .createManagerConnection();
            AtomicLong received = new AtomicLong();
            AtomicLong lastNanos = new AtomicLong();
            connection.addEventListener(e -> {
                received.incrementAndGet();
                lastNanos.set(System.nanoTime());
            });
            connection.login();
            try {
                ScenarioMix mix = ScenarioMix.allBundled();
                long warmPlayed0 = server.eventsPlayed();
                join(server.playMany(warmupInstances, instancesPerSecond, mix, 0));
                quiet(received, 0, server.eventsPlayed() - warmPlayed0);

                long played0 = server.eventsPlayed();
                long received0 = received.get();
                long t0 = System.nanoTime();
                join(server.playMany(plan.instances, instancesPerSecond, mix, 0));
                long played = server.eventsPlayed() - played0;
                quiet(received, received0, played);
                long got = received.get() - received0;
                return new Result(plan.calls, played, got, (lastNanos.get() - t0) / 1e9);
            } finally {
                connection.logoff();
            }
        }
    }

    private static void join(List<ReplayHandle> handles) {
        CompletableFuture.allOf(handles.stream().map(ReplayHandle::done).toArray(CompletableFuture[]::new))
                .orTimeout(10, TimeUnit.MINUTES).join();
    }

    /**
     * Waits until the client got at least what was played (asterisk-java adds a few events
     * of its own, such as a {@code DialEvent} beside {@code DialBegin}) and then nothing more
     * for a second; gives up after a minute without progress, e.g. if it dropped events.
     */
    private static void quiet(AtomicLong received, long base, long played) throws InterruptedException {
        long last = -1;
        int stillFor = 0;
        while (stillFor < 1 || received.get() - base < played) {
            long now = received.get();
            stillFor = now == last ? stillFor + 1 : 0;
            if (stillFor >= 60) {
                PipelineBench.out("raw: the bare client stopped at %d of %d events", now - base, played);
                return;
            }
            last = now;
            Poll.pause(Duration.ofSeconds(1));
        }
    }
}
