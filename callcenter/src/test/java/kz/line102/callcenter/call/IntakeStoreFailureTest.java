package kz.line102.callcenter.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.cti.CallId;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database away for a moment: the intake's transactions cannot start (the pool has
 * no connection to give). The entries must wait in the stream and be stored once the
 * database answers, never be taken for bad data.
 */
class IntakeStoreFailureTest extends IntakeTestSupport {

    private static final String ROUTE = "intake-flaky-store";

    @Autowired
    CamelContext camel;
    @Autowired
    JdbcCallRepository calls;
    @Autowired
    CallRecordProjector projector;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CallOutbox outbox;
    @Autowired
    JdbcIntakeFailures failures;
    @Autowired
    CallIntakeProperties props;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CallIntakeHealth health = new CallIntakeHealth(meters);
    private final FailingTransactions flaky = new FailingTransactions();

    @BeforeEach
    void intakeOnAFlakyStore() throws Exception {
        camel.getRouteController().stopRoute(CallIntakeRoutes.ROUTE_ID);
        flaky.delegate = transactions;
        CallIntakeService intake = new CallIntakeService(calls, projector, new TransactionTemplate(flaky), meters,
                List.of(), outbox, failures, health, props);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("redis-stream:" + STREAM + "?group=callcenter&consumerName=node-flaky&batchSize=50"
                        + "&retryMillis=50&retryMaxMillis=400")
                        .routeId(ROUTE)
                        .process(CallIntakeRoutes.processor(intake));
            }
        });
    }

    @AfterEach
    void backToTheApplicationsIntake() throws Exception {
        camel.getRouteController().stopRoute(ROUTE);
        camel.removeRoute(ROUTE);
        camel.getRouteController().startRoute(CallIntakeRoutes.ROUTE_ID);
    }

    @Test
    void entriesWhoseTransactionCannotStartStayPendingAndAreStoredOnceTheDatabaseAnswers() {
        flaky.failuresLeft.set(3);
        CallId call = newCall();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        answered(call, "+77012345678", t0, "1001", 4, 11).forEach(publisher::accept);

        await().atMost(Duration.ofSeconds(15)).until(() -> "answered".equals(outcome(call)));
        CallRecord r = calls.find(UUID.fromString(call.value())).orElseThrow();
        assertThat(r.waitSeconds()).isEqualTo(4);
        assertThat(r.talkSeconds()).isEqualTo(11);
        assertThat(storedEvents(call)).isEqualTo(7);
        assertThat(flaky.failuresLeft.get()).isNegative();
        // Not one entry of the call was taken for bad data.
        assertThat(jdbc.queryForObject("select count(*) from call_event_rejects where fields->>'call' = ?",
                Integer.class, call.value())).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xlen(STREAM) == 0);
        // The outage was visible while it lasted, and is over.
        assertThat(meters.counter("line102.callcenter.intake.store.failures").count()).isEqualTo(3);
        assertThat(health.failing()).isFalse();
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void whileTheStoreIsAwayHealthSaysSoAndNothingIsAcknowledged() {
        flaky.failuresLeft.set(Integer.MAX_VALUE);
        CallId call = newCall();
        answered(call, "+77012345678", Instant.now(), "1001", 1, 2).forEach(publisher::accept);

        await().atMost(Duration.ofSeconds(10)).until(() -> health.failing()
                && meters.counter("line102.callcenter.intake.store.failures").count() >= 3);
        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(health.health().getDetails()).containsKeys("failingSince", "lastError");
        assertThat(redis.xlen(STREAM)).isEqualTo(7);
        assertThat(outcome(call)).isNull();

        flaky.failuresLeft.set(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> "answered".equals(outcome(call)));
        assertThat(health.failing()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from call_event_rejects where fields->>'call' = ?",
                Integer.class, call.value())).isZero();
    }

    /** The application's transaction manager, whose next transactions fail to start as with an exhausted pool. */
    static final class FailingTransactions implements PlatformTransactionManager {

        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile PlatformTransactionManager delegate;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException(
                                "HikariPool-1 - Connection is not available, request timed out after 30000ms."));
            }
            return delegate.getTransaction(definition);
        }

        @Override
        public void commit(TransactionStatus status) {
            delegate.commit(status);
        }

        @Override
        public void rollback(TransactionStatus status) {
            delegate.rollback(status);
        }
    }
}
