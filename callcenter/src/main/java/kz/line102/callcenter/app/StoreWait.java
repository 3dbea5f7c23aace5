package kz.line102.callcenter.app;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Before anything is built, waits until the configured PostgreSQL and Redis answer,
 * trying again with capped backoff and one log line per attempt, and answering health
 * probes on the HTTP port meanwhile: readiness 503, liveness 200 ({@link StoreWaitProbe}).
 * After a host reboot the JVM may win the race against its stores; the node then waits
 * and is not ready, and it never turns to another store. A store that answers but
 * refuses (wrong password, unknown role) stops the start-up at once: waiting would not
 * help. A missing database on this machine's own server is created.
 *
 * <p>Keys {@code line102.startup.store-wait.*} (conf/application.yml).
 */
public class StoreWait implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StoreWait.class);

    /** One store's answer to an attempt: null when it is usable. */
    interface Store {
        String name();

        /** Null when usable; the reason to wait otherwise. Throws when waiting cannot help. */
        String check();
    }

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment env = event.getApplicationContext().getEnvironment();
        if (!env.getProperty("line102.startup.store-wait.enabled", Boolean.class, true)) {
            return;
        }
        List<Store> stores = new ArrayList<>();
        String url = env.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql://")) {
            stores.add(new Postgres(url, env.getProperty("spring.datasource.username", "postgres"),
                    env.getProperty("spring.datasource.password", "")));
        }
        if (env.getProperty("line102.redis.host") != null) {
            stores.add(new Redis(env.getProperty("line102.redis.host"),
                    env.getProperty("line102.redis.port", Integer.class, 6379),
                    env.getProperty("line102.redis.password", "")));
        }
        Duration min = env.getProperty("line102.startup.store-wait.retry-min", Duration.class, Duration.ofSeconds(1));
        Duration max = env.getProperty("line102.startup.store-wait.retry-max", Duration.class, Duration.ofSeconds(15));
        Duration giveUp = env.getProperty("line102.startup.store-wait.give-up-after", Duration.class, Duration.ZERO);
        try (StoreWaitProbe probe = new StoreWaitProbe(env)) {
            await(stores, min, max, giveUp, probe);
        }
    }

    static void await(List<Store> stores, Duration min, Duration max, Duration giveUp, StoreWaitProbe probe) {
        long t0 = System.nanoTime();
        long delay = Math.max(1, min.toMillis());
        for (int attempt = 1; ; attempt++) {
            List<String> waiting = new ArrayList<>();
            for (Store store : stores) {
                String why = store.check();
                if (why != null) {
                    waiting.add(store.name() + " (" + why + ")");
                }
            }
            if (waiting.isEmpty()) {
                if (attempt > 1) {
                    log.info("store wait: {} answer after {} attempts ({} s); starting", names(stores), attempt - 1,
                            (System.nanoTime() - t0) / 1_000_000_000);
                }
                return;
            }
            probe.waitingFor(waiting);
            long waited = (System.nanoTime() - t0) / 1_000_000;
            if (!giveUp.isZero() && waited >= giveUp.toMillis()) {
                throw new IllegalStateException("gave up waiting for " + String.join(", ", waiting) + " after "
                        + waited + " ms (line102.startup.store-wait.give-up-after=" + giveUp + ")");
            }
            log.warn("store wait: attempt {} — waiting for {}; not ready, next attempt in {} ms. The node never "
                    + "switches to another store", attempt, String.join(", ", waiting), delay);
            try {
                // Before the application context exists there is no scheduler to hand the next
                // attempt to: the start-up thread itself waits out the capped back-off.
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + String.join(", ", waiting), e);
            }
            delay = Math.min(delay * 2, Math.max(delay, max.toMillis()));
        }
    }

    private static String names(List<Store> stores) {
        return String.join(" and ", stores.stream().map(Store::name).toList());
    }

    /** PostgreSQL at the datasource URL, logging in as the application does. */
    record Postgres(String url, String user, String password) implements Store {

        @Override
        public String name() {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return "PostgreSQL at " + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432);
        }

        @Override
        public String check() {
            return connect(true);
        }

        private String connect(boolean mayCreate) {
            Properties p = new Properties();
            p.setProperty("user", user);
            p.setProperty("password", password);
            p.setProperty("connectTimeout", "5");
            p.setProperty("socketTimeout", "10");
            try (Connection c = DriverManager.getConnection(url, p)) {
                return null;
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if ("3D000".equals(state) && mayCreate && createDatabase()) {
                    return connect(false);
                }
                // 08: cannot connect; 57P03: starting up or shutting down; 53300: too many connections.
                if (state.startsWith("08") || state.equals("57P03") || state.equals("53300") || state.isEmpty()) {
                    return e.getMessage();
                }
                throw new IllegalStateException(name() + " answers but refuses the application (SQLState "
                        + state + "): " + e.getMessage(), e);
            }
        }

        private boolean createDatabase() {
            URI uri = URI.create(url.substring("jdbc:".length()));
            if (!LocalServices.isLoopback(uri.getHost())) {
                return false;
            }
            LocalServices.createDatabaseIfMissing(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
                    uri.getPath().replaceFirst("^/", ""), user, password);
            return true;
        }
    }

    /** Redis: a PING that gets PONG (a Redis still loading its AOF answers LOADING). */
    record Redis(String host, int port, String password) implements Store {

        @Override
        public String name() {
            return "Redis at " + host + ":" + port;
        }

        @Override
        public String check() {
            DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(5000)
                    .socketTimeoutMillis(5000);
            if (password != null && !password.isEmpty()) {
                config.password(password);
            }
            try (Jedis jedis = new Jedis(new HostAndPort(host, port), config.build())) {
                jedis.ping();
                return null;
            } catch (JedisConnectionException e) {
                return e.getMessage();
            } catch (JedisDataException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("LOADING")) {
                    return e.getMessage();
                }
                throw new IllegalStateException(name() + " answers but refuses the application: " + e.getMessage(),
                        e);
            }
        }
    }
}
