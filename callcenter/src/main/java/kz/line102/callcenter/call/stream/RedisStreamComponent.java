package kz.line102.callcenter.call.stream;

import kz.line102.callcenter.call.StreamMessage;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code redis-stream:<key>?group=…&consumerName=…&batchSize=…&claimIdleMillis=…}.
 * The exchange body is a {@code List<StreamMessage>}; the entries are acknowledged
 * (and removed from the stream) only when the exchange completes without an
 * exception.
 */
public class RedisStreamComponent extends DefaultComponent {

    private final UnifiedJedis redis;

    public RedisStreamComponent(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        RedisStreamEndpoint endpoint = new RedisStreamEndpoint(uri, this, redis, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
