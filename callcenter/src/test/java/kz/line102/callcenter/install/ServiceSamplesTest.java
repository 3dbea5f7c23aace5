package kz.line102.callcenter.install;

import static kz.line102.callcenter.install.ConfFiles.CONF;
import static kz.line102.callcenter.install.ConfFiles.SYSTEMD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.yaml.snakeyaml.Yaml;

/**
 * The systemd unit, its environment file, the service profile and the distribution archive
 * fit together: the unit starts the archive's script as the dedicated user with the
 * environment file, waits longer than the application's graceful shutdown takes, and every
 * variable the environment file sets is a documented key.
 */
class ServiceSamplesTest {

    /**
     * What the libraries' own shutdown takes at most after the Spring phases, in their code: the
     * AMI logoff (2 x action-timeout) and lane drain (5 s), the stream publisher's hand-off to the
     * spool (10 s), the recorder's running ingest jobs (30 s).
     */
    private static final Duration LIBRARY_DRAIN = Duration.ofSeconds(2 * 5 + 5 + 10 + 30);

    private final Map<String, String> unit = unit(ConfFiles.text(SYSTEMD.resolve("line102.service")));
    private final Map<String, String> env = ConfFiles.environmentFile(SYSTEMD.resolve("line102.env"));

    @Test
    void theServiceProfileLogsJsonShutsDownGracefullyAndNeverFallsBackToEmbeddedStoresOrTheReplay() {
        Binder service = ConfFiles.builtIn("service");
        assertThat(service.bind("logging.structured.format.console", String.class).get()).isEqualTo("ecs");
        assertThat(service.bind("server.shutdown", String.class).get()).isEqualTo("graceful");
        assertThat(service.bind("line102.embedded.enabled", Boolean.class).get()).isFalse();
        assertThat(service.bind("line102.cti.replay.enabled", Boolean.class).get()).isFalse();
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "service");
        // The demo's run command keeps readable logs: the base configuration has no structured format.
        assertThat(ConfFiles.builtIn().bind("logging.structured.format.console", String.class).isBound()).isFalse();
    }

    @Test
    void systemdWaitsLongerThanTheWholeGracefulShutdownAndCountsTheJvmsSigtermExitAsClean() {
        Binder service = ConfFiles.builtIn("service");
        Duration phase = service.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).get();
        Duration camel = Duration.ofSeconds(service.bind("camel.main.shutdown-timeout", Integer.class).get());
        Duration scheduled = service.bind("spring.task.scheduling.shutdown.await-termination-period", Duration.class)
                .get();
        Duration shutdown = phase.plus(camel).plus(scheduled).plus(LIBRARY_DRAIN);
        assertThat(Duration.ofSeconds(Long.parseLong(unit.get("TimeoutStopSec")))).isGreaterThan(shutdown);
        assertThat(unit).containsEntry("KillSignal", "SIGTERM").containsEntry("SuccessExitStatus", "143");
    }

    @Test
    void theUnitRunsTheArchivesScriptAsTheDedicatedUserWithTheEnvironmentFile() {
        assertThat(unit).containsEntry("User", "line102").containsEntry("Group", "line102")
                .containsEntry("EnvironmentFile", "/etc/line102/line102.env")
                .containsEntry("ExecStart", "/opt/line102/bin/line102")
                .containsEntry("NoNewPrivileges", "yes").containsEntry("ProtectSystem", "strict");
        // The archive: bin/line102 starts lib/callcenter.jar (dist/src/main/assembly/dist.xml).
        Path script = Path.of("..", "dist", "src", "bin", "line102");
        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(ConfFiles.text(script)).contains("exec \"$java\"").contains("-jar \"$home/lib/callcenter.jar\"")
                .contains("--spring.config.additional-location=optional:file:$config/");
        assertThat(ConfFiles.text(Path.of("..", "dist", "src", "main", "assembly", "dist.xml")))
                .contains("<outputDirectory>bin</outputDirectory>")
                .contains("<outputFileNameMapping>callcenter.jar</outputFileNameMapping>")
                .contains("<outputDirectory>lib</outputDirectory>");
        // Everything the service writes lies under a writable path.
        for (String key : Set.of("LINE102_CTI_STREAM_SPOOL_DIR", "LINE102_RECORDER_INGEST_WORK_DIR",
                "LINE102_RECORDER_STORAGE_ARCHIVE_ROOT", "LINE102_RECORDER_INGEST_SPOOL_DIR")) {
            String dir = env.get(key);
            assertThat(dir).as(key).startsWith("/");
            assertThat(unit.get("ReadWritePaths").split(" ")).as(key + " writable")
                    .anySatisfy(p -> assertThat(dir + "/").startsWith(p.replaceFirst("^-", "") + "/"));
        }
    }

    @Test
    void everyVariableOfTheEnvironmentFileIsADocumentedKeyAndNoSecretIsReal() {
        Set<String> documented = new TreeSet<>();
        for (String file : new String[] {"application.yml", "cti-bridge.yml", "recorder.yml"}) {
            flatten("", new Yaml().load(ConfFiles.text(CONF.resolve(file))), documented);
        }
        Set<String> asVariables = new TreeSet<>();
        documented.forEach(k -> asVariables.add(k.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")));
        Set<String> outsideTheApplication = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_OPTS");
        assertThat(env.keySet()).allSatisfy(k -> assertThat(outsideTheApplication.contains(k)
                || asVariables.contains(k)).as(k + " is a documented key").isTrue());
        env.forEach((k, v) -> {
            if (k.endsWith("PASSWORD") || k.endsWith("SECRET")) {
                assertThat(v).as(k).isIn("", "change-me");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, keys));
        } else {
            keys.add(prefix);
        }
    }

    /** The [Service] and [Unit] lines of a unit file as key → value (the last one of a repeated key). */
    private static Map<String, String> unit(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("[")) {
                continue;
            }
            int eq = l.indexOf('=');
            values.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return values;
    }
}
