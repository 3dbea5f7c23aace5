package kz.line102.callcenter.queue;

import kz.line102.callcenter.app.RedisKeys;
import kz.line102.cti.QueueControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** The PBX's latest QueueStatus in Redis, for the wallboard on any node (with or without a bridge). */
public class QueueSnapshots {

    private final String KEY;
    private static final Logger log = LoggerFactory.getLogger(QueueSnapshots.class);

    private final UnifiedJedis redis;
    private final JsonMapper json;

    QueueSnapshots(UnifiedJedis redis, JsonMapper json, RedisKeys keys) {
        this.KEY = keys.key("callcenter:queue-status");
        this.redis = redis;
        this.json = json;
    }

    public void put(QueueControl.Status status) {
        try {
            redis.set(KEY, json.writeValueAsString(status));
        } catch (RuntimeException e) {
            log.warn("queue status not copied to Redis: {}", e.toString());
        }
    }

    /** The latest, or null when none was taken or Redis cannot be read. */
    QueueControl.Status latest() {
        try {
            String value = redis.get(KEY);
            return value == null ? null : json.readValue(value, QueueControl.Status.class);
        } catch (RuntimeException e) {
            log.warn("queue status not readable from Redis: {}", e.toString());
            return null;
        }
    }
}
