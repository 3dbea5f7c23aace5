package kz.line102.callcenter.cti;

import kz.line102.callcenter.app.RedisKeys;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import kz.line102.cti.lease.Lease;
import kz.line102.cti.lease.LeaseKeeper;
import redis.clients.jedis.UnifiedJedis;

/**
 * Leases for work that must run on one node at a time (sweeps, reconciliations, purges):
 * each job keeps its own lease in Redis, {@code <prefix>:callcenter:lease:<job>}, and runs
 * its periodic work only while {@link LeaseKeeper#held()}. If the node holding it dies,
 * another takes it within about 1.2 × ttl.
 *
 * <pre>{@code
 * LeaseKeeper sweep = leases.keep("call-sweeper", Duration.ofSeconds(30));
 * ... every interval: sweep.runIfHeld(this::sweepOnce);
 * }</pre>
 */
public class Leases implements AutoCloseable {

    static final String NAME = "callcenter:lease:";

    private final UnifiedJedis redis;
    private final String node;
    private final RedisKeys keys;
    private final List<LeaseKeeper> keepers = new CopyOnWriteArrayList<>();

    Leases(UnifiedJedis redis, String node, RedisKeys keys) {
        this.redis = redis;
        this.node = node;
        this.keys = keys;
    }

    /** Starts keeping the lease of {@code job} (kebab-case, one per kind of work); released at shutdown. */
    public LeaseKeeper keep(String job, Duration ttl) {
        return keep(job, ttl, LeaseKeeper.Listener.NONE);
    }

    /** As {@link #keep(String, Duration)}, told on the keeper's thread when it is won and lost. */
    public LeaseKeeper keep(String job, Duration ttl, LeaseKeeper.Listener listener) {
        LeaseKeeper keeper = new LeaseKeeper(Lease.redis(redis, keys.key(NAME + job), node, ttl),
                LeaseKeeper.Timings.of(ttl), listener, job);
        keepers.add(keeper);
        return keeper.start();
    }

    /** Releases every lease this node holds, so the others take over at once. */
    @Override
    public void close() {
        keepers.forEach(LeaseKeeper::close);
    }
}
