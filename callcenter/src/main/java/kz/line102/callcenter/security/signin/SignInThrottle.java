package kz.line102.callcenter.security.signin;

import java.util.List;
import java.util.Optional;

import kz.line102.callcenter.security.RedisKeys;
import kz.line102.callcenter.security.SafeKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Failed sign-ins per account and per address, in Redis so every node sees the same
 * counts and locks. A lock is a key whose TTL is the wait, so checking one is a single
 * round trip and no bcrypt. Beyond the free failures each one locks for an
 * exponentially growing delay; the {@code lockoutAfter}-th locks for {@code lockout}.
 */
public class SignInThrottle {

    /** TTLs of the account's and the address's locks (-2/-1: none). */
    private static final String CHECK = "return {redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2])}";
    private static final String FAIL = """
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            local free = tonumber(ARGV[2])
            local after = tonumber(ARGV[3])
            local ms = 0
            if n >= after then
              ms = tonumber(ARGV[6])
            elseif n > free then
              ms = math.min(tonumber(ARGV[4]) * 2 ^ (n - free - 1), tonumber(ARGV[5]))
            end
            ms = math.floor(ms)
            if ms > 0 and redis.call('PTTL', KEYS[2]) < ms then
              redis.call('SET', KEYS[2], n, 'PX', ms)
            end
            return {n, ms}""";

    private final UnifiedJedis redis;
    private final SignInProperties props;
    private final kz.line102.callcenter.app.RedisKeys keys;

    public SignInThrottle(UnifiedJedis redis, SignInProperties props, kz.line102.callcenter.app.RedisKeys keys) {
        this.redis = redis;
        this.props = props;
        this.keys = keys;
    }

    /** Which lock holds, if any: {@code scope} is {@code account} or {@code address}. */
    public record Lock(String scope, long retryAfterMillis) {
    }

    /** After one failure: the count in its window and the lock it set (0: none). */
    public record Failure(String scope, long failures, long lockedMillis, boolean lockout) {
    }

    public Optional<Lock> lockOf(String username, String address) {
        List<?> ttl = (List<?>) redis.eval(CHECK, List.of(lockKey("account", username), lockKey("address", address)),
                List.of());
        long account = (Long) ttl.get(0);
        long byAddress = (Long) ttl.get(1);
        if (account <= 0 && byAddress <= 0) {
            return Optional.empty();
        }
        return Optional.of(account >= byAddress ? new Lock("account", account) : new Lock("address", byAddress));
    }

    /** Records a failed attempt against the account and the address. */
    public List<Failure> failed(String username, String address) {
        return List.of(fail("account", username, props.account()), fail("address", address, props.address()));
    }

    /** A correct password clears the account's failures (not the address's: one good account must not reset a guesser). */
    public void succeeded(String username) {
        redis.del(failuresKey("account", username));
    }

    /** Lifts both locks and forgets the failures (an administrator's relief, and tests). */
    public void clear(String username, String address) {
        redis.del(failuresKey("account", username), lockKey("account", username), failuresKey("address", address),
                lockKey("address", address));
    }

    private Failure fail(String scope, String who, SignInProperties.Limits limits) {
        List<?> r = (List<?>) redis.eval(FAIL, List.of(failuresKey(scope, who), lockKey(scope, who)), List.of(
                Long.toString(Math.max(props.failureWindow().toMillis(), props.lockout().toMillis())),
                Integer.toString(limits.freeFailures()), Integer.toString(limits.lockoutAfter()),
                Long.toString(props.firstDelay().toMillis()), Long.toString(props.maxDelay().toMillis()),
                Long.toString(props.lockout().toMillis())));
        long n = (Long) r.get(0);
        return new Failure(scope, n, (Long) r.get(1), n >= limits.lockoutAfter());
    }

    private String failuresKey(String scope, String who) {
        return keys.key(RedisKeys.SIGN_IN_FAILURES + scope + ":" + SafeKeys.of(who));
    }

    private String lockKey(String scope, String who) {
        return keys.key(RedisKeys.SIGN_IN_LOCK + scope + ":" + SafeKeys.of(who));
    }
}
