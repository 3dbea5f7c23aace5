package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.params.XAddParams;

class CallIntakeTest extends IntakeTestSupport {

    @Autowired
    CamelContext camel;
    @Autowired
    JdbcCallRepository calls;

    @Test
    void anAnsweredCallBecomesOneRecordWithThePbxWaitAndTalkTimes() {
        CallId call = newCall();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        answered(call, "87172123456", t0, "1001", 3, 20).forEach(publisher::accept);

        // The events may come in more than one batch: wait for all of them, not the first answered state.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> storedEvents(call) == 7 && "answered".equals(outcome(call)));
        CallRecord r = calls.find(java.util.UUID.fromString(call.value())).orElseThrow();
        assertThat(r.callerNumber()).isEqualTo("87172123456");
        assertThat(r.callerNumberE164()).isEqualTo("+77172123456");
        assertThat(r.callerNumberStatus()).isEqualTo("valid");
        assertThat(r.queue()).isEqualTo("q102");
        assertThat(r.operator()).isEqualTo("1001");
        assertThat(r.waitSeconds()).isEqualTo(3);
        assertThat(r.talkSeconds()).isEqualTo(20);
        assertThat(r.offeredAt()).isEqualTo(t0);
        assertThat(r.answeredAt()).isEqualTo(t0.plusSeconds(9).plusMillis(1));
        assertThat(r.endCause()).isEqualTo(16);
        assertThat(r.hungUpBy()).isEqualTo("caller");
        assertThat(r.eventCount()).isEqualTo(7);
    }

    @Test
    void eventsCommittedInAnyOrderGiveTheSameRecord() {
        CallId call = newCall();
        List<CallEvent> events = new ArrayList<>(answered(call, "+77012345678", Instant.now(), "1002", 5, 8));
        Collections.shuffle(events, new Random(7));
        events.forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> storedEvents(call) == 7);
        await().atMost(Duration.ofSeconds(5)).until(() -> "answered".equals(outcome(call)));
        CallRecord r = calls.find(java.util.UUID.fromString(call.value())).orElseThrow();
        assertThat(r.waitSeconds()).isEqualTo(5);
        assertThat(r.talkSeconds()).isEqualTo(8);
    }

    @Test
    void aReplayedEventChangesNothing() {
        CallId call = newCall();
        List<CallEvent> events = answered(call, "+77012345678", Instant.now(), "1001", 1, 4);
        events.forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> storedEvents(call) == 7 && "answered".equals(outcome(call)));
        String row = "select row_to_json(c)::text from calls c where id = ?::uuid";
        String before = jdbc.queryForObject(row, String.class, call.value());

        events.forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.xlen(STREAM) == 0);

        assertThat(storedEvents(call)).isEqualTo(7);
        assertThat(jdbc.queryForObject(row, String.class, call.value())).isEqualTo(before);
    }

    @Test
    void anEntryThatIsNotACallEventIsKeptAsARejectAndTheRestIsCommitted() {
        CallId call = newCall();
        String marker = java.util.UUID.randomUUID().toString();
        redis.xadd(STREAM, XAddParams.xAddParams(),
                Map.of("type", "CallOffered", "body", "{broken", "id", marker));
        redis.xadd(STREAM, XAddParams.xAddParams(), Map.of("garbage", "\u0000\u00ff", "marker", marker));
        answered(call, "+77012345678", Instant.now(), "1001", 1, 4).forEach(publisher::accept);

        await().atMost(Duration.ofSeconds(10)).until(() -> "answered".equals(outcome(call)));
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xlen(STREAM) == 0);
        List<String> reasons = jdbc.queryForList(
                "select reason from call_event_rejects where fields->>'id' = ? or fields->>'marker' = ?", String.class,
                marker, marker);
        assertThat(reasons).hasSize(2).anySatisfy(r -> assertThat(r).contains("unreadable CallOffered body"))
                .anySatisfy(r -> assertThat(r).contains("missing 'type'"));
    }

    @Test
    void callsThatHappenWhileIntakeIsStoppedAreAllRecordedOnceItStartsAgain() throws Exception {
        camel.getRouteController().stopRoute(CallIntakeRoutes.ROUTE_ID);
        try {
            List<CallId> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                CallId call = newCall();
                ids.add(call);
                answered(call, "+7701" + (1000000 + i), Instant.now(), "1001", 2, 3).forEach(publisher::accept);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.xlen(STREAM) == 350);
            assertThat(outcome(ids.get(0))).isNull();

            camel.getRouteController().startRoute(CallIntakeRoutes.ROUTE_ID);
            await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(c -> "answered".equals(outcome(c))));
            for (CallId c : ids) {
                assertThat(storedEvents(c)).isEqualTo(7);
            }
        } finally {
            camel.getRouteController().startRoute(CallIntakeRoutes.ROUTE_ID);
        }
    }
}
