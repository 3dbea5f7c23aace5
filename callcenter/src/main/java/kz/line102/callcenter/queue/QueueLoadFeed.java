package kz.line102.callcenter.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.call.CallIntakeListener;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.cti.CallAbandoned;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallLeftQueue;
import kz.line102.cti.CallQueued;
import kz.line102.cti.QueueControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Calls waiting per queue, shared between nodes: each committed CallQueued adds the call
 * to the queue's Redis hash (call id → time it joined), CallLeftQueue / CallAbandoned /
 * CallEnded take it out. The intake commits each event once across all nodes, and the
 * writes are idempotent, so a redelivered event changes nothing. Every node refreshes its
 * in-memory {@link QueueLoad} (what the routing rules read on every call) from Redis, and
 * the PBX's QueueStatus prunes entries a lost event left behind. That is why this stays a
 * live listener and not an outbox hand-off: an update lost with a node is corrected by the
 * next reconciliation, and a late one would only be wrong.
 */
public class QueueLoadFeed implements CallIntakeListener {

    private final String PREFIX;
    private static final Logger log = LoggerFactory.getLogger(QueueLoadFeed.class);
    /** A waiting call the PBX no longer has may have joined this much before its longest waiter. */
    private static final long SLACK_MILLIS = 3_000;

    private final UnifiedJedis redis;
    private final QueueLoad.InMemory load;
    private final QueueConfigService config;
    private final Clock clock;

    QueueLoadFeed(UnifiedJedis redis, QueueLoad.InMemory load, QueueConfigService config, Clock clock,
                  RedisKeys keys) {
        this.PREFIX = keys.key("callcenter:queue-waiting:");
        this.redis = redis;
        this.load = load;
        this.config = config;
        this.clock = clock;
    }

    String key(String queue) {
        return PREFIX + queue;
    }

    @Override
    public void committed(List<CallEvent> newEvents, List<CallRecord> changedCalls) {
        for (CallEvent e : newEvents) {
            try {
                if (e instanceof CallQueued q) {
                    redis.hset(key(q.queue()), e.callId().value(), Long.toString(q.at().toEpochMilli()));
                } else if (e instanceof CallLeftQueue l) {
                    redis.hdel(key(l.queue()), e.callId().value());
                } else if (e instanceof CallAbandoned a) {
                    redis.hdel(key(a.queue()), e.callId().value());
                } else if (e instanceof CallEnded) {
                    for (String q : config.names()) {
                        redis.hdel(key(q), e.callId().value());
                    }
                }
            } catch (RuntimeException ex) {
                log.warn("callId={} queue load not updated in Redis ({}): the next QueueStatus corrects it",
                        e.callId().value(), ex.toString());
            }
        }
    }

    /** Reads every configured queue's waiting calls from Redis into the routing rules' load. */
    public void refresh() {
        long now = clock.millis();
        for (String queue : config.names()) {
            Map<String, String> waiting = redis.hgetAll(key(queue));
            long oldest = waiting.values().stream().mapToLong(QueueLoadFeed::millis).min().orElse(now);
            load.update(queue, new QueueLoad.Load(waiting.size(), Duration.ofMillis(Math.max(0, now - oldest))));
        }
    }

    /**
     * Squares the shared waiting lists with what the PBX reports: a call it no longer has
     * (joined before its longest waiter did) is removed, with a WARN naming both counts.
     */
    public void reconcile(QueueControl.Status status) {
        long now = status.at().toEpochMilli();
        for (String queue : config.names()) {
            List<QueueControl.Waiting> pbx = status.waiting().stream().filter(w -> w.queue().equals(queue)).toList();
            long longest = pbx.stream().mapToLong(QueueControl.Waiting::waitSeconds).max().orElse(-1);
            long cutoff = (longest < 0 ? now : now - longest * 1000) - SLACK_MILLIS;
            Map<String, String> ours = redis.hgetAll(key(queue));
            int removed = 0;
            for (Map.Entry<String, String> e : ours.entrySet()) {
                if (millis(e.getValue()) < cutoff) {
                    redis.hdel(key(queue), e.getKey());
                    removed++;
                }
            }
            if (removed > 0 || ours.size() - removed != pbx.size()) {
                log.warn("queue {} waiting calls: ours {} (removed {} the PBX no longer has), PBX {}", queue,
                        ours.size(), removed, pbx.size());
            }
        }
        refresh();
    }

    private static long millis(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
