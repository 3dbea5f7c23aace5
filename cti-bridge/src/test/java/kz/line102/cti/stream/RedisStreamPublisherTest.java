package kz.line102.cti.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.testing.TcpProxy;
import kz.line102.cti.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

class RedisStreamPublisherTest {

    @TempDir
    Path spoolDir;

    private final String stream = "line102:test:" + UUID.randomUUID() + ":calls";
    private final CallEventCodec codec = new CallEventCodec();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RedisClient direct;
    private TcpProxy proxy;

    @BeforeEach
    void connect() throws Exception {
        direct = client(TestRedis.port());
        proxy = new TcpProxy(TestRedis.host(), TestRedis.port());
    }

    @AfterEach
    void clean() throws Exception {
        direct.del(stream);
        direct.close();
        proxy.close();
    }

    private static RedisClient client(int port) {
        return RedisClient.builder().hostAndPort(new HostAndPort(TestRedis.host(), port))
                .clientConfig(DefaultJedisClientConfig.builder().timeoutMillis(500).build()).build();
    }

    private StreamProperties props(long spoolMax) {
        return new StreamProperties(stream, spoolDir, spoolMax, 1000, 100, Duration.ofMillis(20),
                Duration.ofMillis(200));
    }

    private static List<CallEvent> events(int n) {
        CallId call = CallId.derive("pbx", UUID.randomUUID().toString());
        return java.util.stream.IntStream.range(0, n)
                .<CallEvent>mapToObj(i -> new CallQueued(EventId.random(), call, Instant.now(), "q102", i + 1))
                .toList();
    }

    private Set<String> idsInStream() {
        Set<String> ids = new HashSet<>();
        for (StreamEntry e : direct.xrange(stream, (StreamEntryID) null, (StreamEntryID) null)) {
            ids.add(codec.decode(e.getFields()).eventId().value());
        }
        return ids;
    }

    private static Set<String> ids(List<CallEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.eventId().value()));
        return ids;
    }

    @Test
    void acceptedEventsReachTheStreamIntact() {
        List<CallEvent> sent = events(250);
        try (RedisStreamPublisher publisher = new RedisStreamPublisher(direct, props(1 << 20), meters)) {
            publisher.start();
            sent.forEach(publisher::accept);
            await().atMost(Duration.ofSeconds(10)).until(() -> direct.xlen(stream) == 250);
        }
        assertThat(idsInStream()).isEqualTo(ids(sent));
        assertThat(meters.counter("line102.cti.events.published").count()).isEqualTo(250);
    }

    @Test
    void eventsWaitOnDiskWhileRedisIsDownAndAllArriveWhenItReturns() {
        try (RedisClient viaProxy = client(proxy.port());
             RedisStreamPublisher publisher = new RedisStreamPublisher(viaProxy, props(1 << 24), meters)) {
            publisher.start();
            List<CallEvent> before = events(10);
            before.forEach(publisher::accept);
            await().atMost(Duration.ofSeconds(10)).until(() -> direct.xlen(stream) == 10);

            proxy.cut();
            List<CallEvent> during = events(3000);
            during.forEach(publisher::accept);
            await().atMost(Duration.ofSeconds(10)).until(() -> !publisher.backlog().redisUp()
                    && publisher.backlog().spoolBytes() > 0 && publisher.backlog().queued() == 0);
            assertThat(direct.xlen(stream)).isEqualTo(10);

            proxy.restore();
            await().atMost(Duration.ofSeconds(20)).until(() -> idsInStream().containsAll(ids(during)));
            assertThat(publisher.backlog().spoolBytes()).isZero();
            assertThat(meters.counter("line102.cti.events.lost").count()).isZero();
            assertThat(meters.counter("line102.cti.events.spooled").count()).isGreaterThan(0);
        }
    }

    @Test
    void theSpoolOutlivesTheBridgeAndIsDeliveredByTheNextRun() {
        List<CallEvent> held = events(500);
        try (RedisClient viaProxy = client(proxy.port())) {
            proxy.cut();
            RedisStreamPublisher first = new RedisStreamPublisher(viaProxy, props(1 << 24), meters);
            first.start();
            held.forEach(first::accept);
            first.close();
        }
        assertThat(direct.xlen(stream)).isZero();

        try (RedisStreamPublisher second = new RedisStreamPublisher(direct, props(1 << 24), meters)) {
            second.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> idsInStream().equals(ids(held)));
        }
    }

    @Test
    void whatNeitherRedisNorTheSpoolCanHoldIsCountedAsLostNotDroppedSilently() {
        try (RedisClient viaProxy = client(proxy.port());
             RedisStreamPublisher publisher = new RedisStreamPublisher(viaProxy, props(1 << 20), meters)) {
            proxy.cut();
            publisher.start();
            List<CallEvent> flood = events(6000);
            flood.forEach(publisher::accept);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    meters.counter("line102.cti.events.spooled").count()
                            + meters.counter("line102.cti.events.lost").count() == flood.size());
            assertThat(meters.counter("line102.cti.events.lost").count()).isGreaterThan(0);
        }
    }
}
