package kz.line102.callcenter.testing;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

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
    private static final Set<String> CLEANED = new HashSet<>();

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
        cleanUpAtExit(env.getProperty("line102.redis.host", "127.0.0.1"),
                env.getProperty("line102.redis.port", Integer.class, 6379));
    }

    /**
     * The run's keys (streams, live state) are deleted when the test JVM ends, so runs do
     * not pile up in the shared Redis. A context still stopping at that moment may write
     * a key or two after; they are small and under this run's prefix only.
     */
    private static synchronized void cleanUpAtExit(String host, int port) {
        if (!CLEANED.add(host + ":" + port)) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Jedis jedis = new Jedis(host, port, 2000)) {
                ScanParams match = new ScanParams().match(RUN_PREFIX + ":*").count(1000);
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = jedis.scan(cursor, match);
                    if (!page.getResult().isEmpty()) {
                        jedis.del(page.getResult().toArray(String[]::new));
                    }
                    cursor = page.getCursor();
                } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            } catch (RuntimeException e) {
                // Redis gone first: nothing to clean, or nothing we can do at exit.
            }
        }, "test-key-cleanup"));
    }
}
