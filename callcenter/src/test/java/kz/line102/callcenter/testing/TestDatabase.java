package kz.line102.callcenter.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each checkout its own test database on the machine's PostgreSQL
 * ({@code test_<hash of the checkout's path>}), so a clean checkout starts from an
 * empty schema and two checkouts on one machine never share (or break) each
 * other's migrations. The start-up's store wait ({@code StoreWait}) creates the
 * database when it is missing.
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.endsWith("/test")) {
            return;
        }
        String name = name();
        env.getPropertySources().addFirst(new MapPropertySource("line102-test-database",
                Map.of("spring.datasource.url", url.substring(0, url.length() - "test".length()) + name)));
    }

    /** This checkout's test database. */
    public static String name() {
        return "test_" + hash(Path.of("").toAbsolutePath().normalize().toString());
    }

    private static String hash(String path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
