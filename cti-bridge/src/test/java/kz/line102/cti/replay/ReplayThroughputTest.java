package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpaced output rate to one client that only drains its socket. The assertion is
 * far below the measured rate so that a slow CI machine does not fail it; the log
 * line carries the number.
 */
class ReplayThroughputTest {

    private static final Logger log = LoggerFactory.getLogger(ReplayThroughputTest.class);
    private static final int CALLS = Integer.getInteger("replay.bench.calls", 10_000);

    @Test
    void tenThousandOverlappingCallsReplayFasterThanAThousandASecond() throws Exception {
        ExecutorService drainer = Executors.newSingleThreadExecutor(new NamedThreads("bench-drain"));
        try (AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral(AmiClients.USER, AmiClients.SECRET));
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("Action: Login\r\nUsername: cti\r\nSecret: " + AmiClients.SECRET
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            AtomicLong bytes = new AtomicLong();
            drainer.execute(() -> drain(socket, bytes));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.loggedInClients() == 1);
            ScenarioMix mix = ScenarioMix.allBundled();
            server.playMany(200, 100, mix, 0).forEach(h -> h.done().join()); // warm-up

            long events0 = server.eventsPlayed();
            long t0 = System.nanoTime();
            List<ReplayHandle> calls = server.playMany(CALLS, 100, mix, 0);
            CompletableFuture.allOf(calls.stream().map(ReplayHandle::done).toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long events = server.eventsPlayed() - events0;

            double callsPerSecond = CALLS / seconds;
            log.info("replayed {} calls ({} events, {} MB sent) in {} s: {} calls/s, {} events/s", CALLS, events,
                    bytes.get() >> 20, String.format("%.2f", seconds), Math.round(callsPerSecond),
                    Math.round(events / seconds));
            assertThat(callsPerSecond).isGreaterThan(1_000);
        } finally {
            drainer.shutdownNow();
        }
    }

    private static void drain(Socket socket, AtomicLong bytes) {
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                bytes.addAndGet(n);
            }
        } catch (IOException e) {
            log.debug("drain ended: {}", e.toString());
        }
    }
}
