package kz.line102.cti.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kz.line102.cti.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** Leases in the real Redis: one holder, only the holder renews or releases, a dead holder's lease runs out. */
class LeaseTest {

    private static final Logger log = LoggerFactory.getLogger(LeaseTest.class);

    private UnifiedJedis redis;
    private String key;

    @BeforeEach
    void connect() {
        redis = RedisClient.builder().hostAndPort(TestRedis.host(), TestRedis.port()).build();
        key = "line102:test:" + UUID.randomUUID() + ":lease";
    }

    @AfterEach
    void close() {
        redis.del(key);
        redis.close();
    }

    @Test
    void oneHolderAtATimeAndOnlyItRenewsOrReleases() {
        Lease a = Lease.redis(redis, key, "a", Duration.ofSeconds(5));
        Lease b = Lease.redis(redis, key, "b", Duration.ofSeconds(5));
        assertThat(a.tryAcquire()).isTrue();
        assertThat(a.tryAcquire()).as("taking it again renews it").isTrue();
        assertThat(b.tryAcquire()).isFalse();
        assertThat(b.renew()).isFalse();
        b.release();
        assertThat(a.holder()).isEqualTo(a.token());

        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(a.renew()).isTrue();
        }
        log.info("lease renewal round trip: {} us on average", (System.nanoTime() - started) / 200 / 1000);

        a.release();
        assertThat(b.tryAcquire()).isTrue();
    }

    @Test
    void aKeeperWhoseHolderDiedTakesTheLeaseWhenItRunsOut() {
        AtomicInteger won = new AtomicInteger();
        AtomicInteger elsewhere = new AtomicInteger();
        Duration ttl = Duration.ofMillis(600);
        LeaseKeeper first = new LeaseKeeper(Lease.redis(redis, key, "first", ttl), LeaseKeeper.Timings.of(ttl),
                LeaseKeeper.Listener.NONE, "first").start();
        await().atMost(Duration.ofSeconds(2)).until(first::held);
        LeaseKeeper second = new LeaseKeeper(Lease.redis(redis, key, "second", ttl), LeaseKeeper.Timings.of(ttl),
                new LeaseKeeper.Listener() {
                    @Override
                    public void acquired() {
                        won.incrementAndGet();
                    }

                    @Override
                    public void lost() {
                    }

                    @Override
                    public void heldElsewhere() {
                        elsewhere.incrementAndGet();
                    }
                }, "second").start();
        await().atMost(Duration.ofSeconds(2)).until(() -> elsewhere.get() == 1);
        assertThat(second.held()).isFalse();
        assertThat(second.runIfHeld(() -> { })).isFalse();

        first.abandon();
        await().atMost(Duration.ofSeconds(2)).until(second::held);
        assertThat(won).hasValue(1);
        assertThat(first.held()).isFalse();
        second.close();
        assertThat(redis.get(key)).isNull();
    }
}
