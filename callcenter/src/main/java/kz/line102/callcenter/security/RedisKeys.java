package kz.line102.callcenter.security;

/**
 * Every Redis key the security layer writes, in one place, so a deployment-wide prefix
 * can be put in front of them here alone. Counters and locks only: losing them loses
 * no record, it only forgets recent failures and request counts.
 */
public final class RedisKeys {

    /** Failed sign-ins per account ({@code …:failures:account:<name>}) and per address. */
    public static final String SIGN_IN_FAILURES = "line102:callcenter:signin:failures:";
    /** An account or address that may not try again yet; the key's TTL is the wait. */
    public static final String SIGN_IN_LOCK = "line102:callcenter:signin:lock:";
    /** Requests per user and limited endpoint group in the current window. */
    public static final String RATE_LIMIT = "line102:callcenter:ratelimit:";

    private RedisKeys() {
    }
}
