package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The member-ops session of the capture sent again, action for action: the replay answers
 * with the captured responses and member events, line for line, except the values that
 * are times (Timestamp, LoginTime, LastPause) and the device status of PJSIP/1003.
 */
class MemberActionsTest {

    private AmiReplayServer server;
    private RawAmiClient client;

    @BeforeEach
    void start() throws Exception {
        server = AmiReplayServer.start(ReplayConfig.ephemeral(AmiClients.USER, AmiClients.SECRET));
        client = RawAmiClient.loggedIn(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void theCapturedMemberOperationsGetTheCapturedAnswersAndEvents() throws Exception {
        List<String> captured = blocks(new String(Fixtures.capture("member-ops"), StandardCharsets.ISO_8859_1));
        List<String> requests = blocks(new String(Fixtures.sent("member-ops"), StandardCharsets.ISO_8859_1));
        List<String> expected = new ArrayList<>();
        for (String block : captured) {
            // Only what answers the lab's actions and the queue events they raised.
            String id = RawAmiClient.header(block, "ActionID");
            String event = RawAmiClient.header(block, "Event");
            if ((id != null && id.startsWith("lab-")) || (event != null && event.startsWith("QueueMember"))
                    || (event != null && event.equals("DeviceStateChange"))) {
                expected.add(normalise(block));
            }
        }
        List<String> got = new ArrayList<>();
        for (String request : requests) {
            String id = RawAmiClient.header(request, "ActionID");
            if (id == null || !id.startsWith("lab-")) {
                continue;
            }
            client.send(request + "\r\n");
            int before = got.size();
            // Events an action raises follow its response, so they are read with the next one's.
            while (true) {
                String block = client.readBlock();
                got.add(normalise(block));
                boolean own = id.equals(RawAmiClient.header(block, "ActionID"));
                if (own && (block.startsWith("Response: ") && !block.contains("EventList: start")
                        || block.startsWith("Event: QueueStatusComplete"))) {
                    break;
                }
            }
            assertThat(got.size()).isGreaterThan(before);
        }
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void aPauseOfAnInterfaceNoQueueHasIsRefusedAsAsteriskRefusesIt() throws Exception {
        client.send("Action: QueuePause\r\nQueue: q102\r\nInterface: PJSIP/9999\r\nPaused: true\r\n"
                + "ActionID: x-1\r\n\r\n");
        String answer = client.readBlock();
        assertThat(answer).contains("Response: Error").contains("Message: Interface not found");
    }

    @Test
    void aQueueDefinedLaterTakesMembersAndQueueStatusShowsThem() throws Exception {
        server.defineQueue("q102-kk");
        client.send("Action: QueueAdd\r\nQueue: q102-kk\r\nInterface: PJSIP/7001\r\nMemberName: op7001\r\n"
                + "Penalty: 3\r\nActionID: x-2\r\n\r\n");
        assertThat(client.readBlock()).contains("Message: Added interface to queue");
        client.send("Action: QueueStatus\r\nQueue: q102-kk\r\nActionID: x-3\r\n\r\n");
        String member = client.readBlockMatching(b -> b.startsWith("Event: QueueMember\r\n"));
        assertThat(member).contains("Location: PJSIP/7001").contains("Penalty: 3").contains("Membership: dynamic")
                .contains("Name: op7001").endsWith("ActionID: x-3\r\n");
    }

    private static String normalise(String block) {
        return block.replaceAll("(?m)^(Timestamp|LoginTime|LastPause): .*$", "$1: *")
                .replaceAll("(?m)^(Uptime|LastReload): .*$", "$1: *");
    }

    private static List<String> blocks(String text) {
        List<String> out = new ArrayList<>();
        for (String b : text.split("\r\n\r\n")) {
            String t = b.startsWith("Asterisk Call Manager") ? b.substring(b.indexOf("\r\n") + 2) : b;
            if (!t.isBlank()) {
                out.add(t + "\r\n");
            }
        }
        return out;
    }
}
