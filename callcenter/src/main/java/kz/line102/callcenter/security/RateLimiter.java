package kz.line102.callcenter.security;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per-user request counters shared by every node: a fixed window per user and group
 * that starts with the user's first request in it. One Redis round trip per request.
 * When Redis does not answer the request is let through (and logged): a limit is a
 * brake on abuse, not a reason to stop the floor working.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final String SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            if n > tonumber(ARGV[2]) then
              local left = redis.call('PTTL', KEYS[1])
              if left < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) left = tonumber(ARGV[1]) end
              return left
            end
            return 0""";

    private final UnifiedJedis redis;
    private final kz.line102.callcenter.app.RedisKeys keys;

    RateLimiter(UnifiedJedis redis, kz.line102.callcenter.app.RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Counts one request; throws 429 {@code code} when it is over {@code limit} per {@code window}. */
    public void acquire(String group, String username, int limit, Duration window, String code, String what) {
        long wait;
        try {
            Object left = redis.eval(SCRIPT, List.of(key(group, username)),
                    List.of(Long.toString(window.toMillis()), Integer.toString(limit)));
            wait = left instanceof Long l ? l : 0;
        } catch (RuntimeException e) {
            log.error("operatorId={} rate limit {} not checked (Redis): {}", username, group, e.toString());
            return;
        }
        if (wait > 0) {
            log.info("operatorId={} over the {} limit ({} per {})", username, group, limit, window);
            throw new TooManyRequestsException(code, "at most " + limit + " " + what + " per " + window
                    + "; try again later", wait);
        }
    }

    /** Forgets a user's count (an administrator's relief, and tests). */
    public void reset(String group, String username) {
        redis.del(key(group, username));
    }

    private String key(String group, String username) {
        return keys.key(RedisKeys.RATE_LIMIT + group + ":" + SafeKeys.of(username));
    }
}
