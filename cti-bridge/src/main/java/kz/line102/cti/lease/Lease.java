package kz.line102.cti.lease;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * One named lease in Redis, owned by this instance's random token. Taken with
 * {@code SET key token NX PX ttl}; renewed and released with a script that first checks
 * the token, so a holder whose lease expired can never extend or delete its successor's.
 * Redis was chosen over a PostgreSQL row: the bridge already writes to this Redis, a
 * renewal is one round trip (well under a millisecond here) with no connection pool to
 * share with call intake, and expiry is enforced by Redis itself.
 *
 * <pre>{@code
 * Lease lease = Lease.redis(jedis, "line102:callcenter:lease:queue-reconcile", Duration.ofSeconds(10));
 * if (lease.tryAcquire()) { ... lease.renew(); ... lease.release(); }
 * }</pre>
 */
public final class Lease {

    private static final String RENEW = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('pexpire', KEYS[1], ARGV[2])
            end
            return 0""";
    private static final String RELEASE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('del', KEYS[1])
            end
            return 0""";

    private final UnifiedJedis redis;
    private final String key;
    private final String token;
    private final Duration ttl;

    private Lease(UnifiedJedis redis, String key, String owner, Duration ttl) {
        if (ttl.toMillis() < 100) {
            throw new IllegalArgumentException("lease ttl below 100 ms: " + ttl);
        }
        this.redis = redis;
        this.key = key;
        this.token = owner + "/" + UUID.randomUUID();
        this.ttl = ttl;
    }

    /** {@code owner} names the holder in Redis (host, node name) for people looking at the key. */
    public static Lease redis(UnifiedJedis redis, String key, String owner, Duration ttl) {
        return new Lease(redis, key, owner, ttl);
    }

    public static Lease redis(UnifiedJedis redis, String key, Duration ttl) {
        return new Lease(redis, key, hostName(), ttl);
    }

    /** Takes the lease when nobody holds it, or renews it when this instance does. */
    public boolean tryAcquire() {
        if ("OK".equals(redis.set(key, token, SetParams.setParams().nx().px(ttl.toMillis())))) {
            return true;
        }
        return renew();
    }

    /** Extends the lease by its ttl; false when this instance does not hold it (any more). */
    public boolean renew() {
        Object r = redis.eval(RENEW, List.of(key), List.of(token, Long.toString(ttl.toMillis())));
        return r instanceof Long n && n == 1L;
    }

    /** Gives the lease up at once (a standby need not wait for the expiry). Idempotent. */
    public void release() {
        redis.eval(RELEASE, List.of(key), List.of(token));
    }

    /** Who holds it now according to Redis (an owner token), or null. */
    public String holder() {
        return redis.get(key);
    }

    public String key() {
        return key;
    }

    public String token() {
        return token;
    }

    public Duration ttl() {
        return ttl;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    @Override
    public String toString() {
        return "Lease[" + key + ", ttl " + ttl.toMillis() + " ms]";
    }
}
