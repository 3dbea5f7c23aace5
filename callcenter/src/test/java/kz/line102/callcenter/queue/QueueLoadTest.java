package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import kz.line102.callcenter.Api.Response;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.UnifiedJedis;

/** Waiting calls per queue, from the committed call events through Redis into the routing rules' load. */
class QueueLoadTest extends QueueTestSupport {

    @Autowired
    QueueLoad load;
    @Autowired
    QueueLoadFeed feed;
    @Autowired
    UnifiedJedis redis;

    @Test
    void aCallerWaitingInTheQueueIsCountedWithItsWaitAndLeavesWhenItAbandons() throws Exception {
        redis.del(feed.key("q102"));
        ReplayHandle call = replay.server().play("abandon", PlayOptions.paced(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> load.of("q102").waiting() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> load.of("q102").longestWait().toSeconds() >= 1);

        Response live = api.get("/api/v1/queues/live", supervisor);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("queues").get(0).path("name").asString()).isEqualTo("q102");
        assertThat(live.json().path("queues").get(0).path("waiting").asInt()).isEqualTo(1);

        call.done().get();
        await().atMost(Duration.ofSeconds(20)).until(() -> load.of("q102").waiting() == 0);
    }

    @Test
    void aWaitingCallThePbxNoLongerHasIsPrunedByTheReconciliation() {
        redis.hset(feed.key("q102"), "00000000-0000-0000-0000-00000000dead",
                Long.toString(System.currentTimeMillis() - 600_000));
        feed.refresh();
        assertThat(load.of("q102").waiting()).isEqualTo(1);
        assertThat(reconciler.reconcile("test")).isGreaterThanOrEqualTo(0);
        assertThat(load.of("q102").waiting()).isZero();
    }
}
