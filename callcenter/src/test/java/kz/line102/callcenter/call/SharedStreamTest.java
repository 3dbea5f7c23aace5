package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import kz.line102.cti.CallId;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Several callcenter nodes on one stream: the application's own intake route and two
 * more consumers in the same group stand for three nodes.
 */
class SharedStreamTest extends IntakeTestSupport {

    @Autowired
    CamelContext camel;
    @Autowired
    CallIntakeService intake;

    private final Map<String, AtomicInteger> batches = Map.of("node-a", new AtomicInteger(),
            "node-b", new AtomicInteger());

    @BeforeEach
    void addNodes() throws Exception {
        camel.getRouteController().stopRoute(CallIntakeRoutes.ROUTE_ID);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String node : batches.keySet()) {
                    from("redis-stream:" + STREAM + "?group=callcenter&consumerName=" + node
                            + "&batchSize=50&claimIdleMillis=1000&claimIntervalMillis=200")
                            .routeId("intake-" + node)
                            .process(exchange -> {
                                @SuppressWarnings("unchecked")
                                List<StreamMessage> batch = exchange.getIn().getBody(List.class);
                                intake.intake(batch);
                                batches.get(node).incrementAndGet();
                            });
                }
            }
        });
    }

    @AfterEach
    void removeNodes() throws Exception {
        for (String node : batches.keySet()) {
            camel.getRouteController().stopRoute("intake-" + node);
            camel.removeRoute("intake-" + node);
        }
        camel.getRouteController().startRoute(CallIntakeRoutes.ROUTE_ID);
    }

    @Test
    void twoNodesShareTheWorkWithNoDuplicateAndNoGap() {
        List<CallId> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            CallId call = newCall();
            ids.add(call);
            answered(call, "+7701" + (2000000 + i), Instant.now(), i % 2 == 0 ? "1001" : "1002", 2, 5)
                    .forEach(publisher::accept);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(c -> "answered".equals(outcome(c))));
        for (CallId c : ids) {
            assertThat(storedEvents(c)).isEqualTo(7);
        }
        assertThat(batches.get("node-a").get()).isPositive();
        assertThat(batches.get("node-b").get()).isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xlen(STREAM) == 0);
    }

    @Test
    void whatADeadNodeTookButNeverCommittedIsClaimedByALiveOne() throws Exception {
        for (String node : batches.keySet()) {
            camel.getRouteController().stopRoute("intake-" + node);
        }
        CallId call = newCall();
        answered(call, "+77012345678", Instant.now(), "1001", 2, 5).forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.xlen(STREAM) == 7);
        // A node reads the entries and dies before committing them.
        try {
            redis.xgroupCreate(STREAM, "callcenter", new StreamEntryID(0, 0), true);
        } catch (JedisDataException groupExistsAlready) {
            // created by an earlier test on this stream
        }
        List<Map.Entry<String, List<StreamEntry>>> taken = redis.xreadGroup("callcenter", "node-dead",
                XReadGroupParams.xReadGroupParams().count(100), Map.of(STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertThat(taken.get(0).getValue()).hasSize(7);

        camel.getRouteController().startRoute("intake-node-a");
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(outcome(call)));
        assertThat(storedEvents(call)).isEqualTo(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xpending(STREAM, "callcenter").getTotal() == 0);
    }
}
