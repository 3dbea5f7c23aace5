package kz.line102.callcenter.call;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallLeftQueue;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.OperatorRang;
import kz.line102.cti.stream.RedisStreamPublisher;
import kz.line102.cti.stream.StreamProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

/** A context of its own with a stream of its own, and a bridge-side publisher to feed it (public for tests in sub-packages). */
@CallcenterTest
public abstract class IntakeTestSupport {

    protected static final String STREAM = "line102:test:" + UUID.randomUUID() + ":calls";

    @DynamicPropertySource
    static void stream(DynamicPropertyRegistry registry) {
        registry.add("line102.cti.stream.key", () -> STREAM);
    }

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected UnifiedJedis redis;

    @TempDir
    Path spool;

    protected RedisStreamPublisher publisher;

    @BeforeEach
    void startPublisher() {
        publisher = new RedisStreamPublisher(redis, new StreamProperties(STREAM, spool, 1 << 24, 10_000, 200,
                Duration.ofMillis(50), Duration.ofSeconds(1)), new SimpleMeterRegistry());
        publisher.start();
    }

    @AfterEach
    void stopPublisher() {
        publisher.close();
    }

    /** The events of a call answered by {@code operator} after {@code hold} s, talking {@code talk} s. */
    protected static List<CallEvent> answered(CallId call, String number, Instant t0, String operator, int hold, int talk) {
        List<CallEvent> events = new ArrayList<>();
        events.add(new CallOffered(EventId.random(), call, t0, number, number, "102", true));
        events.add(new CallQueued(EventId.random(), call, t0.plusSeconds(6), "q102", 1));
        events.add(new OperatorRang(EventId.random(), call, t0.plusSeconds(6), "q102", operator, "Operator"));
        Instant answer = t0.plusSeconds(6 + hold);
        events.add(new CallLeftQueue(EventId.random(), call, answer, "q102", 1, 0));
        events.add(new CallAnswered(EventId.random(), call, answer.plusMillis(1), "q102", operator, hold, 2));
        Instant end = answer.plusSeconds(talk);
        events.add(new CallCompleted(EventId.random(), call, end, "q102", operator, hold, talk, "caller"));
        events.add(new CallEnded(EventId.random(), call, end.plusMillis(2), 16, "Normal Clearing", true));
        return events;
    }

    protected static CallId newCall() {
        return CallId.derive("test", UUID.randomUUID().toString());
    }

    long storedEvents(CallId call) {
        return jdbc.queryForObject("select count(*) from call_events where call_id = ?::uuid", Long.class,
                call.value());
    }

    protected String outcome(CallId call) {
        return jdbc.query("select outcome from calls where id = ?::uuid", rs -> rs.next() ? rs.getString(1) : null,
                call.value());
    }
}
