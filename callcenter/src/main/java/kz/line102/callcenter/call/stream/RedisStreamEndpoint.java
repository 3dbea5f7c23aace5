package kz.line102.callcenter.call.stream;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import redis.clients.jedis.UnifiedJedis;

/** A Redis Stream read through one consumer group; consume-only. */
public class RedisStreamEndpoint extends DefaultEndpoint {

    /**
     * Header a route may set to a collection of entry ids it did not store and wants
     * offered again: the rest of the batch is acknowledged, these stay pending.
     */
    public static final String KEEP_PENDING = "RedisStreamKeepPending";

    private final UnifiedJedis redis;
    private final String key;
    private String group = "callcenter";
    private String consumerName = "callcenter-1";
    private int batchSize = 200;
    private long blockMillis = 1000;
    private long claimIdleMillis = 30_000;
    private long claimIntervalMillis = 5_000;
    private long retryMillis = 1_000;
    private long retryMaxMillis = 30_000;

    RedisStreamEndpoint(String uri, RedisStreamComponent component, UnifiedJedis redis, String key) {
        super(uri, component);
        this.redis = redis;
        this.key = key;
    }

    @Override
    public Producer createProducer() {
        throw new IllegalStateException("redis-stream endpoints only consume; the bridge appends to the stream");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        RedisStreamConsumer consumer = new RedisStreamConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    UnifiedJedis redis() {
        return redis;
    }

    public String getKey() {
        return key;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getConsumerName() {
        return consumerName;
    }

    public void setConsumerName(String consumerName) {
        this.consumerName = consumerName;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getBlockMillis() {
        return blockMillis;
    }

    public void setBlockMillis(long blockMillis) {
        this.blockMillis = blockMillis;
    }

    public long getClaimIdleMillis() {
        return claimIdleMillis;
    }

    public void setClaimIdleMillis(long claimIdleMillis) {
        this.claimIdleMillis = claimIdleMillis;
    }

    public long getClaimIntervalMillis() {
        return claimIntervalMillis;
    }

    public void setClaimIntervalMillis(long claimIntervalMillis) {
        this.claimIntervalMillis = claimIntervalMillis;
    }

    public long getRetryMillis() {
        return retryMillis;
    }

    public void setRetryMillis(long retryMillis) {
        this.retryMillis = retryMillis;
    }

    public long getRetryMaxMillis() {
        return retryMaxMillis;
    }

    public void setRetryMaxMillis(long retryMaxMillis) {
        this.retryMaxMillis = retryMaxMillis;
    }
}
