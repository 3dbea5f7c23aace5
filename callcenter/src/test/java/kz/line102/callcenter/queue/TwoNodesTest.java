package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import kz.line102.callcenter.operator.JdbcOperatorStateRepository;
import kz.line102.callcenter.operator.OperatorStateService;
import kz.line102.callcenter.operator.OperatorStateMirror;
import kz.line102.callcenter.operator.OperatorState;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.operator.OperatorService;
import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.ami.AmiProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second node beside the test context: its own AMI link to the same PBX and its own
 * state service, on the same PostgreSQL and Redis. Changes to one operator from both
 * nodes at once end in the PBX's state; a wrap-up is ended by one node only.
 */
class TwoNodesTest extends QueueTestSupport {

    @Autowired
    OperatorService operators;
    @Autowired
    PlatformTransactionManager tx;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    QueueProperties props;
    @Autowired
    RedisKeys keys;

    private AmiConnector otherLink;
    private OperatorStateService otherNode;

    @BeforeEach
    void secondNode() {
        otherLink = new AmiConnector(AmiProperties.of("127.0.0.1", replay.server().port(), "replay", "replay",
                "queue-test-node-2"), e -> { }, new SimpleMeterRegistry(), Clock.systemUTC());
        otherLink.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> otherLink.queueControl().available());
        otherNode = new OperatorStateService(new JdbcOperatorStateRepository(jdbc), otherLink.queueControl(), config,
                users, operators, new OperatorStateMirror(redis, JsonMapper.builder().build(), keys), props,
                new TransactionTemplate(tx), Clock.systemUTC());
    }

    @AfterEach
    void stopSecondNode() {
        otherLink.close();
    }

    @Test
    void changesFromBothNodesAtOnceEndInTheStateThePbxHas() {
        assertThat(signIn().status()).isEqualTo(201);
        for (int round = 0; round < 5; round++) {
            CompletableFuture<Response> here = CompletableFuture.supplyAsync(
                    () -> setState("{\"state\":\"paused\",\"reason\":\"technical\"}"));
            CompletableFuture<OperatorState> there = CompletableFuture.supplyAsync(
                    () -> otherNode.change(operator, "ready", null));
            assertThat(here.join().status()).isEqualTo(200);
            assertThat(there.join().state()).isEqualTo("ready");
            boolean paused = inPbx().get(0).paused();
            assertThat(stateOf()).isEqualTo(paused ? "paused" : "ready");
        }
        assertThat(reconciler.reconcile("test")).isZero();
    }

    @Test
    void anEndedWrapUpIsEndedByOneNodeOnly() {
        config.save(withQ102(q -> wrapUp(q, 1)), "test", "short wrap-up", null);
        assertThat(signIn().status()).isEqualTo(201);
        long userId = users.get(operator).id();
        // As a call's end would: the row in wrap-up, the PBX paused with reason wrap-up.
        pbx.pause(null, iface, true, OperatorState.WRAP_UP_REASON);
        jdbc.update("update operator_states set state = 'wrap-up', reason = 'wrap-up', "
                + "wrap_up_until = clock_timestamp() - interval '1 second' where user_id = ?", userId);

        CompletableFuture<Void> a = CompletableFuture.runAsync(states::endDueWrapUps);
        CompletableFuture<Void> b = CompletableFuture.runAsync(otherNode::endDueWrapUps);
        a.join();
        b.join();
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf().equals("ready"));
        assertThat(jdbc.queryForObject("select count(*) from operator_state_changes where user_id = ? "
                + "and source = 'wrap-up-ended'", Long.class, userId)).isEqualTo(1);
        assertThat(inPbx().get(0).paused()).isFalse();
    }
}
