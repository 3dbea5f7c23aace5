package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SlowClientTest {

    @Test
    void aClientThatStopsReadingIsDisconnectedAndTheReplayGoesOn() throws Exception {
        ReplayConfig config = ReplayConfig.ephemeral(AmiClients.USER, AmiClients.SECRET)
                .withWriteTimeout(Duration.ofMillis(300));
        try (AmiReplayServer server = AmiReplayServer.start(config);
             Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            stuck.getOutputStream().write(("Action: Login\r\nUsername: cti\r\nSecret: " + AmiClients.SECRET
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.loggedInClients() == 1);

            // ~15 MB of events: far more than the socket buffers hold.
            List<ReplayHandle> calls = server.playMany(200, 100, ScenarioMix.only("answered"), 0);

            CompletableFuture.allOf(calls.stream().map(ReplayHandle::done).toArray(CompletableFuture[]::new))
                    .get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(server.connectedClients()).isZero();
            assertThat(server.eventsPlayed()).isEqualTo(200L * calls.get(0).eventCount());
        }
    }
}
