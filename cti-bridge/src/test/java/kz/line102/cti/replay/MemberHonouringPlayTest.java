package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's way of playing: calls ring only the members that are ready, and the
 * captures' own pause changes never reach anyone.
 */
class MemberHonouringPlayTest {

    private AmiReplayServer server;
    private RawAmiClient client;

    @BeforeEach
    void start() throws Exception {
        server = AmiReplayServer.start(ReplayConfig.ephemeral(AmiClients.USER, AmiClients.SECRET));
        client = RawAmiClient.loggedIn(server.port());
        action("Action: QueueAdd\r\nQueue: q102\r\nInterface: PJSIP/2001\r\nActionID: a-1\r\n");
        action("Action: QueueAdd\r\nQueue: q102\r\nInterface: PJSIP/2002\r\nActionID: a-2\r\n");
        action("Action: QueuePause\r\nQueue: q102\r\nInterface: PJSIP/2002\r\nPaused: true\r\nReason: lunch\r\n"
                + "ActionID: a-3\r\n");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void aCallRingsOnlyTheReadyMemberAndPausesNobody() throws Exception {
        ReplayHandle call = server.playToReadyMembers("rna-answer", "q102", PlayOptions.fast());
        call.done().get(10, TimeUnit.SECONDS);
        // rna-answer rings two phones; one is ready, so a one-phone call is played.
        assertThat(call.scenario()).isEqualTo("answered");
        List<String> events = eventsOf(call);
        assertThat(events).filteredOn(b -> b.startsWith("Event: AgentCalled"))
                .isNotEmpty().allMatch(b -> "PJSIP/2001".equals(RawAmiClient.header(b, "Interface")));
        assertThat(events).noneMatch(b -> b.startsWith("Event: QueueMemberPause"))
                .noneMatch(b -> b.contains("_pause_"))
                .noneMatch(b -> b.contains("PJSIP/2002"));
    }

    @Test
    void withNobodyReadyTheCallerWaitsAndHangsUpAndTheCapturesPausesStayOut() throws Exception {
        action("Action: QueuePause\r\nQueue: q102\r\nInterface: PJSIP/2001\r\nPaused: true\r\nActionID: a-4\r\n");
        ReplayHandle call = server.playToReadyMembers("answered", "q102", PlayOptions.fast());
        call.done().get(10, TimeUnit.SECONDS);
        assertThat(call.scenario()).isEqualTo("abandon");
        List<String> events = eventsOf(call);
        assertThat(events).anyMatch(b -> b.startsWith("Event: QueueCallerAbandon"))
                .noneMatch(b -> b.startsWith("Event: AgentCalled"))
                .noneMatch(b -> b.startsWith("Event: QueueMemberPause"));
    }

    @Test
    void aMemberRungByOneCallIsNotRungByTheNextUntilItEnds() {
        ReplayHandle first = server.playToReadyMembers("answered", "q102", PlayOptions.paced(1));
        ReplayHandle second = server.playToReadyMembers("answered", "q102", PlayOptions.paced(1));
        assertThat(first.scenario()).isEqualTo("answered");
        assertThat(second.scenario()).isEqualTo("abandon");
    }

    @Test
    void withoutTheLabsStaticPhonesAnOperatorTakesTheLabsExtensionAsAMember() throws Exception {
        assertThat(server.dropStaticMembers("q102")).containsExactly("PJSIP/1001", "PJSIP/1002");
        client.send("Action: QueueAdd\r\nQueue: q102\r\nInterface: PJSIP/1001\r\nActionID: a-9\r\n\r\n");
        assertThat(client.readBlockMatching(b -> "a-9".equals(RawAmiClient.header(b, "ActionID"))))
                .contains("Response: Success");
        ReplayHandle call = server.playToReadyMembers("rna-answer", "q102", PlayOptions.fast());
        // 2001 and 1001 are ready (2002 is paused): both phones of rna-answer ring.
        assertThat(call.scenario()).isEqualTo("rna-answer");
    }

    private void action(String request) throws IOException {
        String id = RawAmiClient.header(request, "ActionID");
        client.send(request + "\r\n");
        client.readBlockMatching(b -> id.equals(RawAmiClient.header(b, "ActionID")));
        // The events the action raised follow its answer: read them too, so a call's events stand alone.
        client.send("Action: Ping\r\nActionID: after-" + id + "\r\n\r\n");
        client.readBlockMatching(b -> ("after-" + id).equals(RawAmiClient.header(b, "ActionID")));
    }

    /** Every event the client got until now: sent after the call is done, a Ping's answer comes after them. */
    private List<String> eventsOf(ReplayHandle call) throws IOException {
        client.send("Action: Ping\r\nActionID: p-" + call.instanceId() + "\r\n\r\n");
        List<String> out = new ArrayList<>();
        while (true) {
            String block = client.readBlock();
            if (("p-" + call.instanceId()).equals(RawAmiClient.header(block, "ActionID"))) {
                return out;
            }
            if (block.startsWith("Event: ")) {
                out.add(block);
            }
        }
    }
}
