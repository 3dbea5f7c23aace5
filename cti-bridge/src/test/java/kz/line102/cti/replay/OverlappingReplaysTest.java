package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverlappingReplaysTest {

    private static final List<String> SINGLE_CALLER = List.of("answered", "abandon", "abandon-ringing",
            "rna-answer", "agi-down");

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
    void fiftyOverlappingCallsHaveFiftyLinkedidsAndEveryEventArrives() throws Exception {
        Set<String> callerLinkedids = ConcurrentHashMap.newKeySet();
        AmiClients.Counter counter = new AmiClients.Counter();
        connection.addEventListener(e -> {
            counter.count(e);
            if (e instanceof NewChannelEvent n && n.getUniqueId().equals(n.getLinkedid())) {
                callerLinkedids.add(n.getLinkedid());
            }
        });
        connection.login();
        List<Long> order = new CopyOnWriteArrayList<>();
        server.setEventListener((instance, event, nanos, micros) -> order.add(instance.instanceId()));
        Map<String, Integer> weights = new LinkedHashMap<>();
        SINGLE_CALLER.forEach(s -> weights.put(s, 1));

        // 20 calls a second of scenario time, each ~30 s long: most of them overlap.
        List<ReplayHandle> calls = server.playMany(50, 20, ScenarioMix.of(weights), 0);
        CompletableFuture.allOf(calls.stream().map(ReplayHandle::done).toArray(CompletableFuture[]::new)).get();

        Map<String, Integer> expected = new HashMap<>();
        for (ReplayHandle call : calls) {
            Fixtures.asyncEventCounts(call.scenario()).forEach((name, n) -> expected.merge(name, n, Integer::sum));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, Integer> seen = expected.keySet().stream()
                    .collect(Collectors.toMap(name -> name, counter::get));
            assertThat(seen).isEqualTo(expected);
        });
        assertThat(callerLinkedids).hasSize(50)
                .containsExactlyInAnyOrderElementsOf(calls.stream().map(ReplayHandle::linkedid).toList());
        long firstId = calls.get(0).instanceId();
        long lastId = calls.get(49).instanceId();
        assertThat(order.indexOf(lastId)).as("the last call starts before the first one ends")
                .isLessThan(order.lastIndexOf(firstId));
    }
}
