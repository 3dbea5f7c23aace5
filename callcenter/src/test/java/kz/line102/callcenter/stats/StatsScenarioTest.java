package kz.line102.callcenter.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.IsolatedBridge;
import kz.line102.callcenter.testing.TestSocket;
import kz.line102.cti.CallId;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The captured scenarios replayed through the whole path (replay server, bridge, Redis,
 * intake): the figures of the records they leave are the hand-worked ones of
 * {@link FiguresFromQueueLogTest} (Asterisk's own queue_log of the same calls), and the
 * live socket shows a replayed call within a second of its commit.
 */
@CallcenterTest
class StatsScenarioTest {

    private static final List<String> SCENARIOS = List.of("answered", "abandon", "abandon-ringing", "rna-answer",
            "two-callers", "agi-down");

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedBridge.register(registry, "stats-test");
    }

    @Value("${line102.cti.ami.pbx}")
    String pbxName;
    @LocalServerPort
    int port;
    @Autowired
    DemoReplay replay;
    @Autowired
    JdbcCallRepository calls;
    @Autowired
    JdbcCallFacts facts;
    @Autowired
    UserService users;
    @Autowired
    LiveStats live;

    private List<String> play(String scenario) {
        await().atMost(Duration.ofSeconds(20)).until(() -> replay.server().loggedInClients() > 0);
        ReplayHandle handle = replay.server().play(scenario, PlayOptions.paced(50));
        List<String> ids = new ArrayList<>();
        for (kz.line102.callcenter.cti.CapturedCallIds.Captured c : kz.line102.callcenter.cti.CapturedCallIds.of(scenario)) {
            String linkedid = handle.freshValueOf(c.linkedid());
            UUID id = UUID.fromString(CallId.derive(pbxName, linkedid).value());
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.find(id).map(r -> r.outcome() != null)
                    .orElse(false));
            ids.add(id.toString());
        }
        return ids;
    }

    @Test
    void theReplayedScenariosCountAsTheQueueLogSays() {
        Instant from = Instant.now().minus(Duration.ofMinutes(1));
        List<String> ids = new ArrayList<>();
        for (String s : SCENARIOS) {
            ids.addAll(play(s));
        }
        List<CallFact> recorded = facts.between(from, Instant.now().plusSeconds(1), ids);
        assertThat(recorded).hasSize(7);
        Figures f = Figures.of(Tally.of(recorded), 15, 5);
        assertThat(f.offered()).isEqualTo(7);
        assertThat(f.answered()).isEqualTo(4);
        assertThat(f.abandoned()).isEqualTo(3);
        assertThat(f.abandonedInQueue()).as("abandon and two-callers: nobody's phone rang").isEqualTo(2);
        assertThat(f.abandonedRinging()).as("abandon-ringing: Operator 2 was ringing").isEqualTo(1);
        assertThat(f.asa()).isCloseTo((2 + 9 + 8 + 1) / 4.0, within(1e-9));
        assertThat(f.averageAbandonWait()).isCloseTo((8 + 11 + 11) / 3.0, within(1e-9));
        assertThat(f.longestWait()).isEqualTo(11);
        assertThat(f.serviceLevel()).isEqualTo(100.0);
        assertThat(Figures.of(Tally.of(recorded), 10, 5).serviceLevel()).isCloseTo(400.0 / 6, within(1e-9));
        assertThat(recorded.stream().mapToInt(CallFact::talkSeconds).sum()).isEqualTo(13 + 8 + 10 + 10);
        assertThat(recorded.stream().mapToLong(c -> c.ringNoAnswer().size()).sum())
                .as("RINGNOANSWER in abandon-ringing and rna-answer").isEqualTo(2);

        // The wallboard's service level is this definition over the watch, with the queue's own T.
        String supervisor = StatsUsers.supervisor(users);
        JsonNode q102 = null;
        for (JsonNode q : new Api(port).get("/api/v1/queues/live", supervisor).json().path("queues")) {
            q102 = q.path("name").asString().equals("q102") ? q : q102;
        }
        assertThat(q102).isNotNull();
        Figures watch = live.watch("q102", q102.path("serviceLevelSeconds").asInt());
        assertThat(q102.path("abandoned").asLong()).isEqualTo(watch.abandoned()).isGreaterThanOrEqualTo(3);
        assertThat(q102.path("serviceLevel").asDouble()).isBetween(0.0, 100.0);
    }

    @Test
    void theLiveSocketShowsAReplayedCallWithinASecondOfItsCommit() {
        String supervisor = StatsUsers.supervisor(users);
        TestSocket socket = TestSocket.open(port, "/ws/stats", supervisor);
        await().atMost(Duration.ofSeconds(10)).until(() -> !socket.received().isEmpty());
        long before = answered15m(socket.received().get(socket.received().size() - 1));
        List<String> ids = play("answered");
        Instant committed = Instant.now();
        await().atMost(Duration.ofSeconds(1)).until(() -> socket.received().stream()
                .anyMatch(m -> answered15m(m) > before));
        assertThat(Duration.between(committed, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertThat(ids).hasSize(1);
        socket.socket().abort();
    }

    private static long answered15m(JsonNode snapshot) {
        long n = 0;
        for (JsonNode q : snapshot.path("queues")) {
            if (q.path("queue").asString().equals("q102")) {
                n += q.path("windows").path("15m").path("answered").asLong();
            }
        }
        return n;
    }
}
