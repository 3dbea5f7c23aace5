package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request handling details, on the wire. */
class AmiProtocolTest {

    private AmiReplayServer server;

    @BeforeEach
    void start() throws Exception {
        server = AmiReplayServer.start(ReplayConfig.ephemeral(AmiClients.USER, AmiClients.SECRET));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void md5ChallengeLoginIsAcceptedAndFollowedByFullyBooted() throws Exception {
        try (RawAmiClient raw = new RawAmiClient(server.port())) {
            raw.send("Action: Challenge\r\nAuthType: MD5\r\nActionID: challenge-1\r\n\r\n");
            String challenge = RawAmiClient.header(raw.readBlock(), "Challenge");
            assertThat(challenge).matches("\\d{9}");

            raw.send("Action: Login\r\nAuthType: MD5\r\nUsername: cti\r\nKey: "
                    + AmiActions.md5Hex(challenge + AmiClients.SECRET) + "\r\nActionID: login-1\r\n\r\n");

            assertThat(raw.readBlock())
                    .isEqualTo("Response: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n");
            assertThat(raw.readBlock()).startsWith("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: ")
                    .endsWith("Status: Fully Booted\r\n");
        }
    }

    @Test
    void headerNamesAreCaseInsensitiveAndActionIdIsEchoed() throws Exception {
        try (RawAmiClient raw = RawAmiClient.loggedIn(server.port())) {
            raw.send("action: ping\r\nactionid: 1205406622_3#\r\n\r\n");
            assertThat(raw.readBlock()).startsWith("Response: Success\r\nActionID: 1205406622_3#\r\nPing: Pong\r\n")
                    .containsPattern("Timestamp: \\d{10}\\.\\d{6}\r\n");
            raw.send("Action: CoreSettings\r\nActionID: lab-2\r\n\r\n");
            assertThat(raw.readBlock()).startsWith("Response: Success\r\nActionID: lab-2\r\nAMIversion: 11.0.0\r\n"
                    + "AsteriskVersion: 22.10.1\r\nSystemName: \r\n");
        }
    }

    @Test
    void eventsOffStopsEventsForThatClientOnly() throws Exception {
        try (RawAmiClient quiet = RawAmiClient.loggedIn(server.port());
             RawAmiClient loud = RawAmiClient.loggedIn(server.port())) {
            quiet.send("Action: Events\r\nEventMask: off\r\nActionID: e1\r\n\r\n");
            assertThat(quiet.readBlock()).isEqualTo("Response: Success\r\nActionID: e1\r\nEvents: Off\r\n");

            ReplayHandle call = server.play("abandon", PlayOptions.fast());
            loud.readBlocks(call.eventCount(), b -> b.startsWith("Event: "));
            call.done().join();

            quiet.send("Action: Ping\r\nActionID: p1\r\n\r\n");
            assertThat(quiet.readBlock()).startsWith("Response: Success\r\nActionID: p1\r\n");
        }
    }

    @Test
    void logoffSaysGoodbyeAndCloses() throws Exception {
        try (RawAmiClient raw = RawAmiClient.loggedIn(server.port())) {
            raw.send("Action: Logoff\r\nActionID: logoff-1\r\n\r\n");
            assertThat(raw.readBlock())
                    .isEqualTo("Response: Goodbye\r\nActionID: logoff-1\r\nMessage: Thanks for all the fish.\r\n");
            assertThat(raw.readBlock()).isNull();
        }
    }

    @Test
    void scenarioMixAndCommandLineOptionsParse() {
        ScenarioMix mix = ScenarioMix.parse("answered:2,abandon");
        assertThat(List.of(mix.get(0), mix.get(1), mix.get(2), mix.get(3))).extracting(Scenario::name)
                .containsExactly("answered", "abandon", "answered", "answered");
        assertThat(ScenarioMix.parse("all").get(5).name()).isEqualTo("agi-down");
        assertThat(AmiReplayMain.parse(new String[] {"--port", "5039", "--pace=10"}))
                .containsEntry("port", "5039").containsEntry("pace", "10");
    }
}
