package kz.line102.callcenter.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live copy of every operator's state in Redis, shared by all nodes and read by the
 * wallboard. Written after the database commit, so it never shows a state the database
 * rolled back; rebuilt from the database by every reconciliation. A Redis failure costs
 * only the copy (readers fall back to the database).
 */
public class OperatorStateMirror {

    private final String KEY;
    private static final Logger log = LoggerFactory.getLogger(OperatorStateMirror.class);

    private final UnifiedJedis redis;
    private final JsonMapper json;

    public OperatorStateMirror(UnifiedJedis redis, JsonMapper json, RedisKeys keys) {
        this.KEY = keys.key("callcenter:operator-states");
        this.redis = redis;
        this.json = json;
    }

    void afterCommit(OperatorState state) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    put(state);
                }
            });
        } else {
            put(state);
        }
    }

    void put(OperatorState state) {
        try {
            redis.hset(KEY, state.username(), json.writeValueAsString(state));
        } catch (RuntimeException e) {
            log.warn("operatorId={} state not copied to Redis ({}): readers use the database", state.username(),
                    e.toString());
        }
    }

    /** Every state in Redis, or null when Redis cannot be read. */
    List<OperatorState> all() {
        try {
            Map<String, String> entries = redis.hgetAll(KEY);
            List<OperatorState> out = new ArrayList<>();
            for (String value : entries.values()) {
                out.add(json.readValue(value, OperatorState.class));
            }
            out.sort(Comparator.comparing(OperatorState::username));
            return out;
        } catch (RuntimeException e) {
            log.warn("operator states not readable from Redis ({}): reading the database", e.toString());
            return null;
        }
    }
}
