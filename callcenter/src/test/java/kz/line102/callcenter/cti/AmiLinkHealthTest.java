package kz.line102.callcenter.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.ami.AmiProperties;
import kz.line102.cti.lease.Lease;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.ReplayConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** Health 'ami': DOWN while the link to a configured PBX is not up; a standby says so and is not DOWN. */
class AmiLinkHealthTest {

    @Test
    void theHolderIsUpTheStandbyIsUpAsStandbyAndALinkThatIsNotUpIsDown() throws Exception {
        String key = "line102:test:" + UUID.randomUUID() + ":lease:ami";
        try (AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral("cti", "pw"));
             UnifiedJedis redis = RedisClient.builder().hostAndPort("127.0.0.1", 6379).build()) {
            AmiProperties props = AmiProperties.of("127.0.0.1", server.port(), "cti", "pw", "health-test")
                    .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
            try (AmiConnector holder = connector(props, Lease.redis(redis, key, "a", Duration.ofSeconds(3)));
                 AmiConnector standby = connector(props, Lease.redis(redis, key, "b", Duration.ofSeconds(3)))) {
                holder.start();
                await().atMost(Duration.ofSeconds(5)).until(() -> holder.health().connected());
                standby.start();
                await().atMost(Duration.ofSeconds(5)).until(() -> standby.health().standby());

                Health h = new AmiLinkHealth(holder, true).health();
                assertThat(h.getStatus()).isEqualTo(Status.UP);
                assertThat(h.getDetails()).containsEntry("role", "holder");
                Health s = new AmiLinkHealth(standby, true).health();
                assertThat(s.getStatus()).isEqualTo(Status.UP);
                assertThat(s.getDetails()).containsEntry("role", "standby");

                server.refuseConnections();
                server.dropClients(false);
                await().atMost(Duration.ofSeconds(5)).until(() -> !holder.health().connected());
                assertThat(new AmiLinkHealth(holder, true).health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(new AmiLinkHealth(standby, true).health().getStatus()).isEqualTo(Status.UP);
            } finally {
                redis.del(key);
            }
        }
    }

    private static AmiConnector connector(AmiProperties props, Lease lease) {
        return new AmiConnector(props, e -> { }, new SimpleMeterRegistry(), Clock.systemUTC(), lease);
    }
}
