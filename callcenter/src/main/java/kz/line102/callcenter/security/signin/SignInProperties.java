package kz.line102.callcenter.security.signin;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.security.sign-in.*}: how failed sign-ins slow down and then
 * lock an account and an address.
 *
 * @param account        limits per account name (existing or not)
 * @param address        limits per client address (what the servlet container reports: set
 *                       {@code server.forward-headers-strategy} behind a proxy)
 * @param firstDelay     the wait after the first failure beyond the free ones; it doubles with each
 *                       further failure
 * @param maxDelay       the longest such wait
 * @param lockout        the lock once {@code lockoutAfter} failures are reached
 * @param failureWindow  failures are forgotten this long after the last one
 * @param concurrentChecks how many password hashes (bcrypt) may be compared at once on a node; 0 means
 *                       half the processors (at least one), so guessing never takes every core from
 *                       the operators
 * @param checkWait      how long a sign-in waits for a free check before it is answered 503
 *                       {@code sign-in-busy} (not counted as a failure)
 */
@Validated
@ConfigurationProperties("line102.callcenter.security.sign-in")
public record SignInProperties(@NotNull @Valid Limits account, @NotNull @Valid Limits address,
                               @NotNull Duration firstDelay, @NotNull Duration maxDelay,
                               @NotNull Duration lockout, @NotNull Duration failureWindow,
                               @Min(0) int concurrentChecks, @NotNull Duration checkWait) {

    /** The checks allowed at once on this node. */
    public int checksAtOnce() {
        return concurrentChecks > 0 ? concurrentChecks
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * @param freeFailures  failures without any wait
     * @param lockoutAfter  the failure that locks for {@code lockout}
     */
    public record Limits(@Min(0) int freeFailures, @Min(1) int lockoutAfter) {
    }
}
