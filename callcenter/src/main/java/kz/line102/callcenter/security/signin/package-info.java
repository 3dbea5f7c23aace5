/**
 * Protection of the password checks: failed sign-ins counted per account and per
 * address in Redis (every node shares them), an exponentially growing wait after the
 * free failures and a lockout after the last one, a 429 with {@code Retry-After}
 * answered before any bcrypt for locked accounts and addresses, on the sign-in form
 * and on HTTP Basic alike; log lines, counters and audit entries for every outcome.
 */
package kz.line102.callcenter.security.signin;
