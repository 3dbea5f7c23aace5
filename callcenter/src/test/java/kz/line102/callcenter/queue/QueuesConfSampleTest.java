package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** conf/asterisk/queues.conf is exactly what the renderer makes of the bundled default configuration. */
class QueuesConfSampleTest {

    private static final Path SAMPLE = Path.of("..", "conf", "asterisk", "queues.conf");

    @Test
    void theSampleIsTheRenderingOfTheDefaultConfiguration() throws IOException {
        QueueConfig defaults = QueueConfigService.bundledDefault(JsonMapper.builder().build());
        String rendered = QueuesConf.render(defaults);
        Files.createDirectories(Path.of("target"));
        // For a deliberate change: copy this file over the sample.
        Files.writeString(Path.of("target", "queues.conf.rendered"), rendered);
        assertThat(Files.readString(SAMPLE)).isEqualTo(rendered);
    }

    @Test
    void theDefaultConfigurationIsValidAndItsQueuesAreTheRoutingSamplesQueues() throws IOException {
        QueueConfig defaults = QueueConfigService.bundledDefault(JsonMapper.builder().build());
        assertThat(QueueConfigValidator.violations(defaults, java.util.Map.of())).isEmpty();
        String rules = Files.readString(Path.of("..", "conf", "routing-rules.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(?:queue|defaultQueue)\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(rules);
        List<String> named = m.results().map(r -> r.group(1)).distinct().toList();
        assertThat(defaults.names()).containsAll(named);
    }

    @Test
    void eachQueueGetsItsSettingsAndNoStaticMembers() {
        QueueConfig config = new QueueConfig(List.of(new QueueConfig.Queue("q-test", "rrmemory", 9, 2, 30, 15, 5,
                false, List.of(new QueueConfig.Member("alice", 3)))));
        String text = QueuesConf.render(config);
        assertThat(text).contains("[q-test]\nstrategy = rrmemory\n").contains("timeout = 9\n").contains("retry = 2\n")
                .contains("maxlen = 5\n").contains("servicelevel = 15\n").contains("wrapuptime = 0\n")
                .contains("alice (3)").doesNotContain("member =>");
    }
}
