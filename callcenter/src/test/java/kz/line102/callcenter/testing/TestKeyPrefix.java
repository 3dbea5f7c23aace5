package kz.line102.callcenter.testing;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts every Redis key and channel of a test run under a prefix of its own
 * ({@code line102-test-<random>}, one per JVM so every test context of the run shares
 * it): the tests use the machine's Redis, which may also serve a running system, and
 * must never write its live keys (operators named "Test …" on a real wallboard).
 * {@code application-test.yml} sets {@code line102.redis.key-prefix: ${line102.test.run-prefix}};
 * this supplies the value, so a prefix given explicitly (a test's own property) still wins.
 */
public class TestKeyPrefix implements EnvironmentPostProcessor, Ordered {

    public static final String RUN_PREFIX = "line102-test-" + UUID.randomUUID();

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 20;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getPropertySources().contains("line102-test-run")) {
            env.getPropertySources().addLast(new MapPropertySource("line102-test-run",
                    Map.of("line102.test.run-prefix", RUN_PREFIX)));
        }
    }
}
