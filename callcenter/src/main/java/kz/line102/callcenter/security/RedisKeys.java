package kz.line102.callcenter.security;

/**
 * The names of every Redis key the security layer writes, in one place; each goes under
 * the deployment's prefix ({@link kz.line102.callcenter.app.RedisKeys}), so a test run never
 * counts a live system's failures or its own earlier runs'. Counters and locks only: losing
 * them loses no record, it only forgets recent failures and request counts.
 */
public final class RedisKeys {

    /** Failed sign-ins per account ({@code …:failures:account:<name>}) and per address. */
    public static final String SIGN_IN_FAILURES = "callcenter:signin:failures:";
    /** An account or address that may not try again yet; the key's TTL is the wait. */
    public static final String SIGN_IN_LOCK = "callcenter:signin:lock:";
    /** Requests per user and limited endpoint group in the current window. */
    public static final String RATE_LIMIT = "callcenter:ratelimit:";

    private RedisKeys() {
    }
}
