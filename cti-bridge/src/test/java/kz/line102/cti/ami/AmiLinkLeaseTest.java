package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.QueueControl;
import kz.line102.cti.lease.Lease;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.ReplayHandle;
import kz.line102.cti.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Two nodes' connectors to one PBX under one lease in the real Redis: one holds the link
 * and reads the events, the other stands by with events off (queue commands still work);
 * the holder dies without releasing the lease and the standby holds the link within 5 s.
 */
class AmiLinkLeaseTest {

    private static final String PBX = "lease-test";
    private static final Duration TTL = Duration.ofSeconds(3);

    private AmiReplayServer server;
    private UnifiedJedis redis;
    private String key;
    private Node a;
    private Node b;

    /** One node: its connector and what it put on the stream. */
    private final class Node {
        final ConcurrentLinkedQueue<CallEvent> events = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<AmiLinkConnected> connected = new ConcurrentLinkedQueue<>();
        final AmiConnector connector;

        Node(String name) {
            AmiProperties props = AmiProperties.of("127.0.0.1", server.port(), "cti", "s3cret", PBX)
                    .withReconnect(Duration.ofMillis(50), Duration.ofMillis(400));
            connector = new AmiConnector(props, events::add, new SimpleMeterRegistry(), Clock.systemUTC(),
                    Lease.redis(redis, key, name, TTL));
            connector.onLinkConnected(connected::add);
        }

        boolean holds() {
            return connector.health().connected() && !connector.health().standby();
        }

        List<CallEvent> of(CallId id) {
            return events.stream().filter(e -> e.callId().equals(id)).toList();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = AmiReplayServer.start(ReplayConfig.ephemeral("cti", "s3cret"));
        redis = RedisClient.builder().hostAndPort(TestRedis.host(), TestRedis.port()).build();
        key = "line102:test:" + UUID.randomUUID() + ":lease:ami:" + PBX;
        a = new Node("node-a");
        b = new Node("node-b");
    }

    @AfterEach
    void stop() {
        a.connector.close();
        b.connector.close();
        server.close();
        redis.del(key);
        redis.close();
    }

    @Test
    void oneNodeHoldsTheLinkTheOtherStandsByAndTakesOverWithinFiveSecondsOfItsDeath() {
        a.connector.start();
        await().atMost(Duration.ofSeconds(5)).until(a::holds);
        b.connector.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> b.connector.health().state() == AmiLinkState.STANDBY);
        assertThat(b.connector.health().role()).isEqualTo("standby");
        assertThat(a.connector.health().role()).isEqualTo("holder");
        assertThat(a.connected).singleElement().satisfies(c -> assertThat(c.cause())
                .isEqualTo(AmiLinkConnected.Cause.START));
        assertThat(server.loggedInClients()).isEqualTo(2);

        // The standby sends queue commands through its own session.
        QueueControl standbyQueues = b.connector.queueControl();
        assertThat(standbyQueues.available()).isTrue();
        standbyQueues.add("q102", "PJSIP/1003", "op3", 0);
        assertThat(a.connector.queueControl().status().members()).anyMatch(m -> m.iface().equals("PJSIP/1003"));

        // A call's events come once, from the holder only.
        ReplayHandle first = server.play("answered", PlayOptions.fast());
        CallId firstId = CallId.derive(PBX, first.linkedid());
        await().atMost(Duration.ofSeconds(10)).until(() -> a.of(firstId).stream()
                .anyMatch(e -> e.type().equals("RecordingFinished")));
        assertThat(b.events).isEmpty();

        long killedAt = System.nanoTime();
        a.connector.crash();
        await().atMost(Duration.ofSeconds(5)).until(b::holds);
        await().atMost(Duration.ofSeconds(5)).until(() -> !b.connected.isEmpty());
        long tookMillis = (System.nanoTime() - killedAt) / 1_000_000;
        assertThat(tookMillis).as("standby took the link %d ms after the holder died", tookMillis)
                .isLessThan(5_000);
        assertThat(b.connected).singleElement().satisfies(c -> assertThat(c.cause())
                .isEqualTo(AmiLinkConnected.Cause.TAKEOVER));
        assertThat(redis.get(key)).startsWith("node-b/");

        ReplayHandle second = server.play("answered", PlayOptions.fast());
        CallId secondId = CallId.derive(PBX, second.linkedid());
        await().atMost(Duration.ofSeconds(10)).until(() -> b.of(secondId).stream()
                .anyMatch(e -> e.type().equals("RecordingFinished")));
        assertThat(a.of(secondId)).isEmpty();
        assertThat(b.of(secondId).stream().map(CallEvent::eventId).distinct().count())
                .isEqualTo(b.of(secondId).size());
    }

    @Test
    void aHolderThatStopsReleasesTheLeaseAndTheStandbyTakesOverAtOnce() {
        a.connector.start();
        await().atMost(Duration.ofSeconds(5)).until(a::holds);
        b.connector.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> b.connector.health().state() == AmiLinkState.STANDBY);

        a.connector.close();
        await().atMost(Duration.ofSeconds(2)).until(b::holds);
    }
}
