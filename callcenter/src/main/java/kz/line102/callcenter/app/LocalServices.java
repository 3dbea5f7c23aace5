package kz.line102.callcenter.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import redis.embedded.RedisServer;

/**
 * For the {@code demo} and {@code dev} profiles only: makes the system start on a
 * machine with nothing set up. When PostgreSQL or Redis is configured on this machine's
 * loopback and does not answer there, an embedded one is started in its place. A server
 * configured on another host is never replaced.
 *
 * <p>Everywhere else this does nothing, and {@code line102.embedded.enabled=true}
 * without one of those profiles stops the start-up: a node whose store does not answer
 * waits for it ({@link StoreWait}) rather than commit calls into a private, empty one.
 */
public class LocalServices implements EnvironmentPostProcessor, Ordered {

    private static EmbeddedPostgres postgres;
    private static volatile boolean started;
    private static RedisServer redis;
    private static int redisPort;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("line102.embedded.enabled", Boolean.class, false)) {
            return;
        }
        if (!DemoProfiles.anyActive(env, DemoProfiles.EMBEDDED_STORES)) {
            throw new IllegalStateException("line102.embedded.enabled=true is refused without the demo or dev "
                    + "profile (active profiles: " + DemoProfiles.describe(env) + "): an embedded PostgreSQL or "
                    + "Redis is a throwaway store and never stands in for the real one. Run with "
                    + "--spring.profiles.active=demo, or remove the setting");
        }
        Map<String, Object> overrides = new HashMap<>();
        Path dataDir = Path.of(env.getProperty("line102.embedded.data-dir", "data/embedded"));
        database(env, dataDir, overrides);
        redis(env, dataDir, overrides);
        if (!overrides.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("line102-embedded-services", overrides));
        }
    }

    private static void database(ConfigurableEnvironment env, Path dataDir, Map<String, Object> overrides) {
        String url = env.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            return;
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String database = uri.getPath().replaceFirst("^/", "");
        if (!isLoopback(host)) {
            return;
        }
        if (answers(host, port)) {
            return; // StoreWait creates the database there when it is missing
        }
        String embeddedUrl = startPostgres(dataDir, database);
        overrides.put("spring.datasource.url", embeddedUrl);
        overrides.put("spring.datasource.username", "postgres");
        overrides.put("spring.datasource.password", "");
    }

    private static synchronized String startPostgres(Path dataDir, String database) {
        try {
            if (postgres == null) {
                started = true;
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("postgres").toAbsolutePath())
                        .setCleanDataDirectory(false)
                        .setPort(freePort())
                        .start();
                System.err.printf("line102 (%s profile): no PostgreSQL answered on this machine; started an "
                        + "embedded one on port %d%n", "demo/dev", postgres.getPort());
            }
            createDatabaseIfMissing("127.0.0.1", postgres.getPort(), database, "postgres", "");
            return postgres.getJdbcUrl("postgres", database);
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL on this machine and the embedded one did not start", e);
        }
    }

    static void createDatabaseIfMissing(String host, int port, String database, String user, String password) {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            return;
        }
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!rs.next()) {
                s.execute("create database " + database);
            }
        } catch (SQLException e) {
            // The application's own connection will report what is wrong, with the real URL.
        }
    }

    private static void redis(ConfigurableEnvironment env, Path dataDir, Map<String, Object> overrides) {
        String host = env.getProperty("line102.redis.host", "127.0.0.1");
        int port = env.getProperty("line102.redis.port", Integer.class, 6379);
        if (!isLoopback(host) || answers(host, port)) {
            return;
        }
        overrides.put("line102.redis.host", "127.0.0.1");
        overrides.put("line102.redis.port", startRedis(dataDir.resolve("redis")));
    }

    private static synchronized int startRedis(Path dir) {
        try {
            if (redis == null) {
                started = true;
                redisPort = freePort();
                // The same durability a production Redis must have (RedisDurabilityCheck).
                Files.createDirectories(dir);
                redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                        .setting("dir " + dir.toAbsolutePath())
                        .setting("appendonly yes").setting("appendfsync everysec")
                        .setting("maxmemory-policy noeviction")
                        // Drained: a Redis blocked writing its log to a full pipe stops answering.
                        .soutListener(line -> { }).serrListener(line -> { }).build();
                redis.start();
                System.err.printf("line102 (%s profile): no Redis answered on this machine; started an embedded "
                        + "one on port %d%n", "demo/dev", redisPort);
            }
            return redisPort;
        } catch (IOException e) {
            throw new IllegalStateException("no Redis on this machine and the embedded one did not start", e);
        }
    }

    /** Whether this JVM started an embedded store. */
    static boolean startedAny() {
        return started;
    }

    static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
