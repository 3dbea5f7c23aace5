package kz.line102.callcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import kz.line102.callcenter.app.RedisProperties.Durability;
import kz.line102.callcenter.app.RedisProperties.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * The Redis holding the stream must keep what it acknowledged: checked with CONFIG GET
 * on a throwaway Redis whose settings the test changes (never the machine's Redis).
 */
class RedisDurabilityCheckTest {

    @TempDir
    Path dir;
    private RedisServer server;
    private int port;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aRedisWithoutAppendOnlyFileIsRefusedAndAcceptedOnceConfigured() throws IOException {
        start("appendonly no", "maxmemory-policy allkeys-lru");
        RedisDurabilityCheck refuse = check(Mode.REFUSE, Mode.REFUSE);
        assertThatThrownBy(refuse::checkAtStartUp)
                .hasMessageContaining("does not keep what it acknowledged")
                .hasMessageContaining("appendonly yes (is no)")
                .hasMessageContaining("maxmemory-policy noeviction (is allkeys-lru)")
                .hasMessageContaining("conf/redis.conf");
        assertThat(RedisHealth.durability(refuse).health().getStatus()).isEqualTo(Status.DOWN);

        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.configSet("appendonly", "yes");
            jedis.configSet("appendfsync", "everysec");
            jedis.configSet("maxmemory-policy", "noeviction");
        }
        refuse.checkAtStartUp();
        assertThat(refuse.last().durable()).isTrue();
        assertThat(RedisHealth.durability(refuse).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void inWarnModeAMissingSettingIsReportedNotRefused() throws IOException {
        start("appendonly yes", "appendfsync no", "maxmemory-policy noeviction");
        RedisDurabilityCheck warn = check(Mode.WARN, Mode.REFUSE);
        warn.checkAtStartUp();
        assertThat(warn.last().durable()).isFalse();
        assertThat(warn.last().missing()).containsExactly("appendfsync everysec or always (is no)");
        var health = RedisHealth.durability(warn).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("durable", false).containsEntry("mode", "warn");
    }

    @Test
    void aDisabledConfigCommandIsSaidAndDecidedByItsOwnSetting() throws IOException {
        start("appendonly yes", "rename-command CONFIG \"\"");
        assertThatThrownBy(check(Mode.WARN, Mode.REFUSE)::checkAtStartUp)
                .hasMessageContaining("cannot be read: CONFIG GET refused");
        RedisDurabilityCheck lenient = check(Mode.REFUSE, Mode.WARN);
        lenient.checkAtStartUp();
        assertThat(lenient.last().unreadable()).contains("CONFIG GET refused");
        assertThat(RedisHealth.durability(lenient).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theSampleRedisConfigurationPassesTheCheck() throws IOException {
        Map<String, String> sample = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("..", "conf", "redis.conf"))) {
            String[] words = line.strip().split("\\s+", 2);
            if (words.length == 2 && !words[0].startsWith("#")) {
                sample.put(words[0], words[1]);
            }
        }
        RedisDurabilityCheck check = new RedisDurabilityCheck(sample::get,
                new Durability(Mode.REFUSE, Duration.ofMinutes(1), Mode.REFUSE), "conf/redis.conf");
        check.checkAtStartUp();
        assertThat(check.last().durable()).isTrue();
    }

    private RedisDurabilityCheck check(Mode mode, Mode configDisabled) {
        return RedisDurabilityCheck.of(new RedisProperties("127.0.0.1", port, "", 2000, "line102-test",
                new Durability(mode, Duration.ofMinutes(1), configDisabled)));
    }

    private void start(String... settings) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // Killed at the end (a throwaway): it did not always act on SIGTERM after CONFIG SET appendonly.
        var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("dir " + dir)
                .setting("save \"\"").soutListener(line -> { }).serrListener(line -> { })
                .onShutdownForceStop(true);
        for (String setting : settings) {
            builder.setting(setting);
        }
        server = builder.build();
        server.start();
    }
}
