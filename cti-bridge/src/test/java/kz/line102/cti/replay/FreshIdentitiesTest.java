package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FreshIdentitiesTest {

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

    private List<String> playAndRead(ReplayHandle handle) throws Exception {
        return client.readBlocks(handle.eventCount(), b -> b.startsWith("Event: "));
    }

    @Test
    void twoReplaysOfOneScenarioShareNoIdentity() throws Exception {
        ReplayHandle first = server.play("answered", PlayOptions.fast());
        List<String> a = playAndRead(first);
        ReplayHandle second = server.play("answered", PlayOptions.fast());
        List<String> b = playAndRead(second);

        assertThat(values(a, "Uniqueid")).doesNotContainAnyElementsOf(values(b, "Uniqueid")).hasSize(2);
        assertThat(values(a, "Linkedid")).containsExactly(first.linkedid());
        assertThat(values(b, "Linkedid")).containsExactly(second.linkedid());
        assertThat(values(a, "Channel")).doesNotContainAnyElementsOf(values(b, "Channel"));
        assertThat(values(a, "BridgeUniqueid")).doesNotContainAnyElementsOf(values(b, "BridgeUniqueid"));
        assertThat(first.callerNumber()).isNotEqualTo(second.callerNumber()).matches("\\+7701\\d{7}");
        assertThat(values(a, "Linkedid").iterator().next()).matches("\\d{10}\\.\\d+");
    }

    @Test
    void callerNumberChangesConsistentlyInsideOtherValues() throws Exception {
        ReplayHandle call = server.play("answered", PlayOptions.fast());
        List<String> events = playAndRead(call);
        String caller = call.callerNumber();
        String all = String.join("", events);

        assertThat(all).doesNotContain("+77012345678", "1795390568.0", "PJSIP/pstn-00000000", "20261122-233608");
        assertThat(all).contains("AppData: Line 102 call from " + caller + "\r\n");
        assertThat(all).contains("AppData: agi://127.0.0.1:4573/route102," + caller + ",102\r\n");
        assertThat(all).contains("ConnectedLineNum: " + caller + "\r\n");
        String callerLeg = events.stream().filter(e -> e.startsWith("Event: Newchannel")).findFirst().orElseThrow();
        assertThat(RawAmiClient.header(callerLeg, "CallerIDNum")).isEqualTo(caller);
        assertThat(RawAmiClient.header(callerLeg, "CallerIDName")).isEqualTo(caller);
        // The recording's file name carries the fresh Uniqueid, as MixMonitor's would.
        assertThat(all).containsPattern("Value: 102-\\d{8}-\\d{6}-" + call.linkedid().replace(".", "\\.") + "\\.wav");
        // Operator extensions are queue members and stay.
        assertThat(all).contains("Interface: PJSIP/1001\r\n").containsPattern("Channel: PJSIP/1001-[0-9a-f]{8}\r\n");
    }

    @Test
    void timestampsAreTodaysWallClockWithMicroseconds() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        List<String> events = playAndRead(server.play("abandon", PlayOptions.fast()));
        long after = System.currentTimeMillis() / 1000 + 1;

        for (String e : events) {
            String ts = RawAmiClient.header(e, "Timestamp");
            assertThat(ts).matches("\\d{10}\\.\\d{6}");
            assertThat(Double.parseDouble(ts)).isBetween((double) before, (double) after);
        }
    }

    @Test
    void aFixedCallerNumberIsUsedWhenGiven() throws Exception {
        ReplayHandle call = server.play("abandon", PlayOptions.fast().withCallers("87172999999"));
        String all = String.join("", playAndRead(call));

        assertThat(call.callerNumber()).isEqualTo("87172999999");
        assertThat(all).contains("CallerIDNum: 87172999999\r\n").doesNotContain("87172123456");
    }

    private static Set<String> values(List<String> blocks, String header) {
        return blocks.stream().map(b -> RawAmiClient.header(b, header)).filter(v -> v != null)
                .collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void aPlayCanRingOtherOperatorsThanTheCaptureDid() throws Exception {
        ReplayHandle call = server.play("rna-answer", PlayOptions.fast().withOperators(Map.of("1001", "3101", "1002", "3102")));
        String all = String.join("", playAndRead(call));

        assertThat(all).contains("Interface: PJSIP/3101\r\n", "Interface: PJSIP/3102\r\n")
                .doesNotContain("Interface: PJSIP/1001\r\n", "Interface: PJSIP/1002\r\n");
        assertThat(all).contains("Event: AgentRingNoAnswer").contains("Event: AgentConnect");
    }
}
