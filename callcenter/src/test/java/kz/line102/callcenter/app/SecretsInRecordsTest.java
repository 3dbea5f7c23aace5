package kz.line102.callcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import kz.line102.callcenter.alert.AlertProperties;
import kz.line102.callcenter.archive.AuditProperties;
import kz.line102.callcenter.cti.CtiProperties;
import kz.line102.cti.ami.AmiProperties;
import kz.line102.callcenter.incident.export.ExportProperties;
import org.junit.jupiter.api.Test;

/** Every configuration record with a secret prints it as {@code ***}, nested ones and URIs included. */
class SecretsInRecordsTest {

    private static final String SECRET = "s3cr3t-102-never-printed";

    @Test
    void redisPrintsNoPassword() {
        RedisProperties redis = new RedisProperties("127.0.0.1", 6379, SECRET, 2000, "line102",
                new RedisProperties.Durability(RedisProperties.Mode.WARN, Duration.ofMinutes(1),
                        RedisProperties.Mode.WARN));
        assertThat(redis.toString()).doesNotContain(SECRET).contains("password=***").contains("127.0.0.1");
    }

    @Test
    void theAmiAndTheReplayPrintNoSecret() {
        AmiProperties ami = new AmiProperties("pbx.local", 5038, "line102", SECRET, "asterisk-1",
                Set.of("from-pstn"), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(2),
                "call,agent", 8, 4096, 65536, Duration.ofHours(1));
        CtiProperties.Replay replay = new CtiProperties.Replay(true, 1, 1, "replay", SECRET, List.of());
        assertThat(ami.toString()).doesNotContain(SECRET).contains("line102@pbx.local");
        assertThat(replay.toString()).doesNotContain(SECRET).contains("secret=***");
    }

    @Test
    void endpointUrisPrintNoCredentials() {
        ExportProperties.Target target = new ExportProperties.Target("erdr", "http",
                "https://erdr:" + SECRET + "@registry.example/api?authPassword=" + SECRET + "&x=1", null, true,
                List.of(), List.of());
        assertThat(target.toString()).doesNotContain(SECRET).contains("registry.example").contains("x=1");
        AlertProperties.Outbound outbound = new AlertProperties.Outbound("https://hooks.example/a?token=" + SECRET, 3,
                Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(1));
        assertThat(outbound.toString()).doesNotContain(SECRET).contains("hooks.example");
        assertThat(Secrets.uri("file:/var/spool/alerts")).isEqualTo("file:/var/spool/alerts");
    }

    @Test
    void theAuditKeyIsNeverPrinted() {
        assertThat(new AuditProperties(SECRET, Path.of("/tmp/x"), "0 5 0 * * *").toString()).doesNotContain(SECRET)
                .contains("hmacKey=***");
    }
}
