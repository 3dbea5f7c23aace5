package kz.line102.callcenter.stats;

import java.util.Map;

import kz.line102.callcenter.alert.AlertRequest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.alert.Severity;
import kz.line102.callcenter.app.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Per queue thresholds (service level of the last hour below target, callers waiting above
 * N, longest wait above T): a breach raises one alert when it starts. The start is kept in
 * Redis (SET NX), so every node agrees on it and names the alert by it; the alert module's
 * dedup key makes a second raise of the same breach nothing. When the condition clears
 * the key goes, and the next breach is a new alert.
 */
class Breaches {

    private static final Logger log = LoggerFactory.getLogger(Breaches.class);

    private final AlertService alerts;
    private final UnifiedJedis redis;
    private final StatsProperties props;
    private final String prefix;

    Breaches(AlertService alerts, UnifiedJedis redis, StatsProperties props, RedisKeys keys) {
        this.alerts = alerts;
        this.redis = redis;
        this.props = props;
        this.prefix = keys.key("callcenter:stats:breach:");
    }

    void check(LiveStats.Snapshot s) {
        for (LiveStats.QueueLive q : s.queues()) {
            if (q.queue().isEmpty()) {
                continue;
            }
            StatsProperties.Threshold t = props.threshold(q.queue());
            Double sl = q.windows().get("1h").serviceLevel();
            condition(q.queue(), "stats-service-level-low", t.serviceLevelBelow() > 0 && sl != null
                    && sl < t.serviceLevelBelow(), s, "service level " + String.format("%.1f", sl == null ? 0 : sl)
                    + " % over the last hour, target " + t.serviceLevelBelow() + " %");
            condition(q.queue(), "stats-waiting-high", t.waitingAbove() > 0 && q.waiting() > t.waitingAbove(), s,
                    q.waiting() + " callers waiting, threshold " + t.waitingAbove());
            condition(q.queue(), "stats-longest-wait-high", t.longestWaitAbove() > 0
                    && q.longestWaitSeconds() > t.longestWaitAbove(), s, "a caller has waited "
                    + q.longestWaitSeconds() + " s, threshold " + t.longestWaitAbove() + " s");
        }
    }

    private void condition(String queue, String kind, boolean breached, LiveStats.Snapshot s, String what) {
        String key = prefix + kind + ":" + queue;
        try {
            if (!breached) {
                redis.del(key);
                return;
            }
            String start = Long.toString(s.at().toEpochMilli());
            redis.set(key, start, SetParams.setParams().nx());
            String since = redis.get(key);
            alerts.raise(new AlertRequest(kind + ":" + queue + ":" + since, kind, Severity.WARNING,
                    "Queue " + queue + ": " + what, Map.of("queue", queue, "since", since), null, "system"));
        } catch (RuntimeException e) {
            log.warn("queue {} threshold {} not checked ({}): the next snapshot checks it again", queue, kind,
                    e.toString());
        }
    }
}
