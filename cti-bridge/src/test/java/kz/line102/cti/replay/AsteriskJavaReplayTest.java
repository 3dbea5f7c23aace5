package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsteriskJavaReplayTest {

    private AmiReplayServer server;
    private ManagerConnection connection;

    @BeforeEach
    void start() throws Exception {
        server = AmiReplayServer.start(ReplayConfig.ephemeral(AmiClients.USER, AmiClients.SECRET));
        connection = AmiClients.connection(server);
    }

    @AfterEach
    void stop() {
        connection.logoff();
        server.close();
    }

    @Test
    void asteriskJavaLogsInWithMd5AndSeesTheCapturedVersion() throws Exception {
        connection.login();

        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
        assertThat(connection.getProtocolIdentifier()).isEqualTo("Asterisk Call Manager/11.0.0");
        assertThat(connection.getVersion().toString()).contains("22");
    }

    @ParameterizedTest
    @ValueSource(strings = {"answered", "abandon", "abandon-ringing", "rna-answer", "two-callers", "agi-down"})
    void asteriskJavaReceivesEveryAsynchronousEventOfTheCapture(String scenario) throws Exception {
        AmiClients.Counter counter = new AmiClients.Counter();
        connection.addEventListener(counter::count);
        connection.login();

        server.play(scenario, PlayOptions.fast()).done().join();

        Map<String, Integer> expected = Fixtures.asyncEventCounts(scenario);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Integer> seen = new TreeMap<>();
            expected.keySet().forEach(name -> seen.put(name, counter.get(name)));
            assertThat(seen).isEqualTo(expected);
        });
        assertThat(server.eventsPlayed()).isEqualTo(expected.values().stream().mapToInt(i -> i).sum());
    }
}
