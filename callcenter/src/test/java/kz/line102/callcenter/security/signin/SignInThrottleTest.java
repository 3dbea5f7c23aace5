package kz.line102.callcenter.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.app.RedisProperties;
import kz.line102.callcenter.security.RedisKeys;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;

/**
 * Password guessing against the running application: slowed, then locked, answered 429
 * with Retry-After before any bcrypt, on every node (a second throttle with its own
 * Redis connection sees the same lock). The suite's address is not throttled (test
 * profile); the address throttle is checked on addresses of its own.
 */
@CallcenterTest
class SignInThrottleTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    SignInProperties props;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedisProperties redisProps;
    @Autowired
    kz.line102.callcenter.app.RedisKeys keys;

    Api api;
    String user;
    UnifiedJedis otherNode;

    @BeforeEach
    void aUserOfItsOwn() {
        api = new Api(port);
        user = Api.user(users, "guess-" + UUID.randomUUID().toString().substring(0, 8), Role.OPERATOR);
        otherNode = new UnifiedJedis(new HostAndPort(redisProps.host(), redisProps.port()),
                DefaultJedisClientConfig.builder().password(redisProps.password() == null
                        || redisProps.password().isEmpty() ? null : redisProps.password()).build());
    }

    @AfterEach
    void forget() {
        throttle.clear(user, "127.0.0.1");
        otherNode.close();
    }

    @Test
    void twentyWrongPasswordsLockTheAccountEverywhereAndLockedAttemptsCostNoBcrypt() {
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 20; i++) {
            last = basic(user, "wrong-" + i);
            statuses.add(last.status());
        }
        // The free failures are 401; after them every attempt waits (429) without being checked.
        assertThat(statuses.subList(0, props.account().freeFailures())).containsOnly(401);
        assertThat(statuses).contains(429);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("sign-in-locked");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();

        // Locked: even the right password is not checked, by bcrypt or otherwise.
        double checks = passwordChecks();
        Response right = basic(user, Api.PASSWORD);
        assertThat(right.status()).isEqualTo(429);
        assertThat(form(user, Api.PASSWORD).status()).isEqualTo(429);
        assertThat(passwordChecks()).isEqualTo(checks);

        // Another node, sharing only Redis, refuses as well.
        SignInThrottle second = new SignInThrottle(otherNode, props, keys);
        assertThat(second.lockOf(user, "127.0.0.1")).hasValueSatisfying(l -> {
            assertThat(l.scope()).isEqualTo("account");
            assertThat(l.retryAfterMillis()).isPositive();
        });
        assertThat(second.lockOf(UUID.randomUUID().toString(), "192.0.2.1")).isEmpty();
    }

    @Test
    void aLockoutIsAuditedAndFailuresAreCounted() {
        double failedBefore = counter("failure");
        // All but the last failure recorded directly, and their short lock let run out, so
        // that the last one comes over HTTP without waiting out the delays.
        for (int i = 0; i < props.account().lockoutAfter() - 1; i++) {
            throttle.failed(user, "192.0.2.77");
        }
        throttle.clear("-", "192.0.2.77");
        otherNode.del(keys.key(RedisKeys.SIGN_IN_LOCK + "account:" + user));
        Response r = basic(user, "wrong");
        assertThat(r.status()).isEqualTo(401);
        assertThat(counter("failure")).isGreaterThan(failedBefore);
        assertThat(jdbc.queryForObject("select count(*) from security_audit where action = 'sign-in-locked'"
                + " and detail->>'account' = ? and detail->>'scope' = 'account'", Integer.class, user)).isEqualTo(1);
        assertThat(basic(user, Api.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void anAddressIsSlowedExponentiallyThenLockedAcrossNodes() {
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        SignInProperties strict = new SignInProperties(new SignInProperties.Limits(3, 10),
                new SignInProperties.Limits(2, 6), Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofHours(1), 1, Duration.ofSeconds(3));
        SignInThrottle one = new SignInThrottle(otherNode, strict, keys);
        try {
            List<Long> locks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // A different account each time: only the address ties them together.
                one.failed("spray-" + i + "-" + UUID.randomUUID(), address).stream()
                        .filter(f -> f.scope().equals("address")).forEach(f -> locks.add(f.lockedMillis()));
            }
            assertThat(locks).containsExactly(0L, 0L, 1000L, 2000L, 4000L, Duration.ofMinutes(15).toMillis());
            assertThat(throttle.lockOf("someone-else", address)).hasValueSatisfying(l -> {
                assertThat(l.scope()).isEqualTo("address");
                assertThat(l.retryAfterMillis()).isGreaterThan(Duration.ofMinutes(14).toMillis());
            });
        } finally {
            one.clear("-", address);
        }
    }

    private double passwordChecks() {
        return meters.get("line102.callcenter.signin.password.checks").counter().count();
    }

    private double counter(String outcome) {
        var c = meters.find("line102.callcenter.signin.attempts").tag("outcome", outcome).tag("method", "basic")
                .counter();
        return c == null ? 0 : c.count();
    }

    private Response basic(String username, String password) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/session"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build());
    }

    /** The sign-in form's post (the lock is checked before CSRF would matter to a password check). */
    private Response form(String username, String password) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username,
                        StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build());
    }
}
