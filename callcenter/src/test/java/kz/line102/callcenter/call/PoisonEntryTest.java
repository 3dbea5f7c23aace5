package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.EventId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An entry the database refuses every time, for a reason of its own: it is tried
 * {@code poison-after} times, then set aside with its content and reason, and the
 * stream goes on.
 */
class PoisonEntryTest extends IntakeTestSupport {

    @Autowired
    MeterRegistry meters;
    @Autowired
    CallIntakeProperties props;

    private final String trigger = "test_poison_" + Long.toHexString(System.nanoTime());

    @AfterEach
    void dropTrigger() {
        jdbc.execute("drop trigger if exists " + trigger + " on call_events");
        jdbc.execute("drop function if exists " + trigger + "()");
    }

    /** The database refuses every event of {@code call} as it would a value it cannot hold. */
    private void refuseEventsOf(CallId call) {
        jdbc.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "if new.call_id = '" + call.value() + "'::uuid then "
                + "raise exception 'value out of range for this test' using errcode = '22003'; end if; "
                + "return new; end $$");
        jdbc.execute("create trigger " + trigger + " before insert on call_events for each row execute function "
                + trigger + "()");
    }

    @Test
    void anEntryThatFailsPoisonAfterTimesIsSetAsideWithItsReasonAndTheStreamGoesOn() {
        double poisonedBefore = meters.counter("line102.callcenter.events.poison").count();
        CallId poison = newCall();
        refuseEventsOf(poison);
        publisher.accept(new CallOffered(EventId.random(), poison, Instant.now(), "+77010000001", "+77010000001",
                "102", true));
        CallId healthy = newCall();
        answered(healthy, "+77012345678", Instant.now(), "1001", 2, 3).forEach(publisher::accept);

        // The healthy call does not wait for the poison entry.
        await().atMost(Duration.ofSeconds(10)).until(() -> "answered".equals(outcome(healthy)));
        await().atMost(Duration.ofSeconds(20)).until(() -> redis.xlen(STREAM) == 0);

        List<Map<String, Object>> rejects = jdbc.queryForList(
                "select stream_id, reason, fields->>'type' as type from call_event_rejects where fields->>'call' = ?",
                poison.value());
        assertThat(rejects).hasSize(1);
        assertThat((String) rejects.get(0).get("reason")).contains("poison")
                .contains("after " + props.poisonAfter() + " attempts").contains("value out of range");
        assertThat(rejects.get(0).get("type")).isEqualTo("CallOffered");
        assertThat(jdbc.queryForObject("select count(*) from call_intake_failures where entry_id = ?", Integer.class,
                rejects.get(0).get("stream_id"))).isZero();
        assertThat(meters.counter("line102.callcenter.events.poison").count()).isEqualTo(poisonedBefore + 1);
        assertThat(storedEvents(poison)).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xpending(STREAM, "callcenter").getTotal() == 0);
    }
}
