package kz.line102.callcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.line102.cti.agi.AgiProperties;
import kz.line102.cti.ami.AmiProperties;
import kz.line102.cti.stream.StreamProperties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The samples in conf/ say what the code expects, and every key the code reads is documented there. */
class ConfigurationSamplesTest {

    private static final Path CONF = Path.of("..", "conf");

    @Test
    void everyDefaultKeyIsDocumentedInConf() throws IOException {
        Set<String> defaults;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            defaults = keys("", new Yaml().load(in));
        }
        Set<String> documented = keys("", new Yaml().load(Files.readString(CONF.resolve("application.yml"))));
        documented.addAll(keys("", new Yaml().load(Files.readString(CONF.resolve("cti-bridge.yml")))));
        documented.addAll(keys("", new Yaml().load(Files.readString(CONF.resolve("recorder.yml")))));
        Set<String> ours = new TreeSet<>();
        defaults.stream().filter(k -> k.startsWith("line102.") || k.startsWith("spring.datasource."))
                .forEach(ours::add);
        assertThat(documented).containsAll(ours);
    }

    /**
     * The bridge's records are bound as they are (CtiProperties): a setting added to one of them
     * needs its default and its description, and nothing else in the application.
     */
    @Test
    void everyBridgeSettingHasADefaultAndADescription() throws IOException {
        Set<String> defaults;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            defaults = keys("", new Yaml().load(in));
        }
        Set<String> documented = keys("", new Yaml().load(Files.readString(CONF.resolve("cti-bridge.yml"))));
        Map<String, Class<? extends Record>> bound = Map.of("line102.cti.ami", AmiProperties.class,
                "line102.cti.stream", StreamProperties.class, "line102.cti.agi", AgiProperties.class);
        bound.forEach((prefix, type) -> {
            for (RecordComponent c : type.getRecordComponents()) {
                String key = prefix + "." + c.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                assertThat(defaults).as("default of " + key).contains(key);
                assertThat(documented).as("description of " + key + " in conf/cti-bridge.yml").contains(key);
            }
        });
    }

    @Test
    void theManagerSampleGivesTheBridgeTimestampsAndEveryEventClassItAsksFor() throws IOException {
        Map<String, Map<String, String>> manager = ini(CONF.resolve("asterisk/manager.conf"));
        assertThat(manager.get("general")).containsEntry("timestampevents", "yes");
        Map<String, String> user = manager.get("line102");
        assertThat(user).as("the bridge's AMI user").isNotNull();
        Set<String> read = Set.of(user.get("read").split("\\s*,\\s*"));
        assertThat(read).containsAll(Arrays.asList(AmiProperties.DEFAULT_EVENT_MASK.split(",")));
        // Least privilege (install.AsteriskSamplesTest): agent for the queue actions, reporting for the status ones.
        assertThat(Set.of(user.get("write").split("\\s*,\\s*"))).contains("agent", "reporting");
    }

    @Test
    void theDialplanSampleReceivesCallsInTheInboundContextAndRecordsThem() throws IOException {
        String dialplan = Files.readString(CONF.resolve("asterisk/extensions.conf"));
        for (String context : AmiProperties.DEFAULT_INBOUND_CONTEXTS) {
            Matcher m = Pattern.compile("(?s)\\[" + Pattern.quote(context) + "\\](.*?)(\\n\\[|$)").matcher(dialplan);
            assertThat(m.find()).as("context " + context).isTrue();
            assertThat(m.group(1)).contains("MixMonitor(").contains("Queue(").contains("AGI(");
        }
    }

    @Test
    void theQueueSampleListsNoMembersSinceOperatorsJoinOverAmiWhenTheySignIn() throws IOException {
        String queues = Files.readString(CONF.resolve("asterisk/queues.conf"));
        assertThat(queues).contains("[q102]").contains("persistentmembers = yes").doesNotContain("member =>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoPbxAndTheDialplanDefaultHaveTheQueuesOfTheQueueSample() throws IOException {
        Map<String, Object> defaults;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            defaults = new Yaml().load(in);
        }
        List<String> queues = (List<String>) path(defaults, "line102.cti.replay.queues");
        Map<String, Map<String, String>> sample = ini(CONF.resolve("asterisk/queues.conf"));
        assertThat(queues).isNotEmpty().allMatch(sample::containsKey);
        assertThat(sample).containsKey((String) path(defaults, "line102.cti.agi.default-queue"));
    }

    @Test
    void theDialplanDefaultsBeforeTheRoutingAgiAreTheRoutingServiceDefaults() throws IOException {
        Map<String, Object> defaults;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            defaults = new Yaml().load(in);
        }
        // The dialplan takes them from the globals the application renders (install.AsteriskSamplesTest).
        String dialplan = Files.readString(CONF.resolve("asterisk/extensions.conf"));
        String globals = Files.readString(CONF.resolve("asterisk/line102-globals.conf"));
        assertThat(globals).contains("ROUTE_DEFAULT_QUEUE = " + path(defaults, "line102.cti.agi.default-queue") + "\n")
                .contains("ROUTE_DEFAULT_PRIO = " + path(defaults, "line102.cti.agi.default-priority") + "\n")
                .contains("ROUTE_AGI = agi://127.0.0.1:" + path(defaults, "line102.cti.agi.port") + "/"
                        + path(defaults, "line102.cti.agi.script") + "\n");
        assertThat(dialplan).contains("Set(ROUTE_QUEUE=${ROUTE_DEFAULT_QUEUE})").contains("#include line102-globals.conf");
        assertThat(dialplan.indexOf("Set(ROUTE_QUEUE=")).isLessThan(dialplan.indexOf("AGI(${ROUTE_AGI}"));
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> yaml, String key) {
        Object node = yaml;
        for (String part : key.split("\\.")) {
            node = ((Map<String, Object>) node).get(part);
        }
        return node;
    }

    private static Set<String> keys(String prefix, Object node) {
        Set<String> keys = new TreeSet<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> keys.addAll(keys(prefix.isEmpty() ? k.toString() : prefix + "." + k, v)));
        } else {
            keys.add(prefix);
        }
        return keys;
    }

    private static Map<String, Map<String, String>> ini(Path file) throws IOException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.replaceFirst(";.*", "").trim();
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new LinkedHashMap<>();
                sections.put(line.substring(1, line.length() - 1), current);
            } else if (current != null && line.contains("=")) {
                String[] kv = line.split("=", 2);
                current.put(kv[0].trim(), kv[1].trim());
            }
        }
        return sections;
    }
}
