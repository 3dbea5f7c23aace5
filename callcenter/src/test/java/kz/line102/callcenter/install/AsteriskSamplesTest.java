package kz.line102.callcenter.install;

import static kz.line102.callcenter.install.ConfFiles.ASTERISK;
import static kz.line102.callcenter.install.ConfFiles.SYSTEMD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.line102.cti.agi.AgiProperties;
import kz.line102.cti.ami.AmiProperties;
import kz.line102.recorder.RecorderProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The Asterisk samples in conf/asterisk/ say what the code expects: each one parsed and
 * checked against the application's configuration (conf/*.yml, the built-in defaults and
 * the properties records), so the values both sides must share cannot drift apart.
 */
class AsteriskSamplesTest {

    private static final Set<String> SHARED = Set.of("RECDIR", "ROUTE_AGI", "ROUTE_DEFAULT_QUEUE", "ROUTE_DEFAULT_PRIO");
    /** Channel variables Asterisk itself sets, which the dialplan reads. */
    private static final Set<String> ASTERISK_VARIABLES = Set.of("EPOCH", "UNIQUEID", "EXTEN", "AGISTATUS",
            "QUEUESTATUS");

    private final Binder documented = ConfFiles.documented();
    private final Binder builtIn = ConfFiles.builtIn();

    @Test
    void theGlobalsSampleIsTheRenderingOfTheDocumentedConfiguration() throws IOException {
        String rendered = DialplanGlobals.from(documented, OptionalInt.empty(), null, null).render();
        Files.createDirectories(Path.of("target"));
        // For a deliberate change: copy this file over the sample.
        Files.writeString(Path.of("target", "line102-globals.conf.rendered"), rendered);
        assertThat(ConfFiles.text(ASTERISK.resolve("line102-globals.conf"))).isEqualTo(rendered);
        assertThat(AsteriskConf.parse(List.of(("[globals]\n" + rendered).split("\n"))).section("globals"))
                .containsOnlyKeys(SHARED)
                .containsEntry("RECDIR", "/var/spool/asterisk/monitor")
                .containsEntry("ROUTE_AGI", "agi://127.0.0.1:4573/route102");
    }

    @Test
    void theDocumentedAndTheBuiltInRoutingAndAriValuesAreTheSame() {
        AgiProperties doc = agi(documented);
        AgiProperties own = agi(builtIn);
        assertThat(List.of(doc.port(), doc.script(), doc.defaultQueue(), doc.defaultPriority(), doc.bindAddress()))
                .isEqualTo(List.of(own.port(), own.script(), own.defaultQueue(), own.defaultPriority(),
                        own.bindAddress()));
        RecorderProperties.Ari docAri = ingest(documented).ari();
        RecorderProperties.Ari ownAri = ingest(builtIn).ari();
        assertThat(List.of(docAri.baseUrl(), docAri.username(), docAri.recordingDir()))
                .isEqualTo(List.of(ownAri.baseUrl(), ownAri.username(), ownAri.recordingDir()));
    }

    @Test
    void theDialplanTakesEverySharedValueFromTheIncludedGlobalsAndSetsTheDefaultsBeforeAskingTheRoutingService() {
        String dialplan = ConfFiles.text(ASTERISK.resolve("extensions.conf"));
        AsteriskConf parsed = AsteriskConf.read(ASTERISK.resolve("extensions.conf"));
        AsteriskConf.Section globals = parsed.sections().stream().filter(s -> s.name().equals("globals")).findFirst()
                .orElseThrow();
        assertThat(globals.includes()).containsExactly("line102-globals.conf");
        assertThat(globals.own().keySet()).as("values written in the dialplan itself").doesNotContainAnyElementsOf(SHARED);

        String inbound = context(dialplan, "from-pstn");
        assertThat(inbound).contains("exten => 102,1,")
                .contains("MixMonitor(${RECDIR}/")
                .contains("Set(ROUTE_QUEUE=${ROUTE_DEFAULT_QUEUE})")
                .contains("Set(ROUTE_PRIO=${ROUTE_DEFAULT_PRIO})")
                .contains("AGI(${ROUTE_AGI},")
                .contains("Queue(${ROUTE_QUEUE},");
        assertThat(inbound.indexOf("Set(ROUTE_QUEUE=")).isLessThan(inbound.indexOf("AGI(${ROUTE_AGI}"));
        assertThat(inbound.indexOf("Set(ROUTE_PRIO=")).isLessThan(inbound.indexOf("AGI(${ROUTE_AGI}"));

        // Every variable the dialplan reads is set by it, by Asterisk, or by the rendered globals.
        Set<String> read = names(Pattern.compile("\\$\\{([A-Z_]+)}"), dialplan);
        Set<String> set = names(Pattern.compile("Set\\(([A-Z_]+)="), dialplan);
        read.removeAll(set);
        read.removeAll(ASTERISK_VARIABLES);
        read.remove("ROUTE_REASON"); // set before the AGI, answered by it
        assertThat(read).isEqualTo(SHARED);
    }

    @Test
    void theLineHealthTestNumberIsTheConfiguredOneAndTakesEverySharedValueFromTheGlobals() {
        String dialplan = ConfFiles.text(ASTERISK.resolve("extensions.conf"));
        assertThat(dialplan).contains("\n#include extensions-linehealth.conf");
        String sample = ConfFiles.text(ASTERISK.resolve("extensions-linehealth.conf"));
        String number = ConfFiles.documentedApplication().bind("line102.callcenter.line-health.test-call.number",
                String.class).get();
        String inbound = context(sample, AmiProperties.DEFAULT_INBOUND_CONTEXTS.iterator().next());
        assertThat(inbound).contains("exten => " + number + ",1,")
                .contains("MixMonitor(${RECDIR}/")
                .contains("Set(ROUTE_QUEUE=${ROUTE_DEFAULT_QUEUE})")
                .contains("Set(ROUTE_PRIO=${ROUTE_DEFAULT_PRIO})")
                .contains("AGI(${ROUTE_AGI},");
        Set<String> read = names(Pattern.compile("\\$\\{([A-Z_]+)}"), sample);
        read.removeAll(names(Pattern.compile("Set\\(([A-Z_]+)="), sample));
        read.removeAll(ASTERISK_VARIABLES);
        read.remove("ROUTE_REASON");
        assertThat(read).as("what the test number reads beyond itself and Asterisk").isEqualTo(SHARED);
    }

    @Test
    void theTrunkDeliversCallsIntoTheInboundContextMatchedByItsAddress() {
        AsteriskConf pjsip = AsteriskConf.read(ASTERISK.resolve("pjsip.conf"));
        String dialplan = ConfFiles.text(ASTERISK.resolve("extensions.conf"));
        Set<String> inbound = Set.copyOf(documented.bind("line102.cti.ami.inbound-contexts",
                org.springframework.boot.context.properties.bind.Bindable.setOf(String.class)).get());
        assertThat(inbound).isEqualTo(AmiProperties.DEFAULT_INBOUND_CONTEXTS);

        assertThat(pjsip.section("global").get("endpoint_identifier_order")).as("the trunk's address decides first")
                .startsWith("ip,");
        assertThat(pjsip.objects("transport")).extracting(s -> pjsip.effective(s).get("protocol"))
                .contains("udp", "tcp");

        List<AsteriskConf.Section> trunks = pjsip.objects("endpoint").stream()
                .filter(e -> inbound.contains(pjsip.effective(e).get("context"))).toList();
        assertThat(trunks).as("a trunk endpoint in an inbound context").isNotEmpty();
        for (AsteriskConf.Section trunk : trunks) {
            assertThat(pjsip.objects("identify")).as("identify for " + trunk.name())
                    .anySatisfy(i -> assertThat(pjsip.effective(i)).containsEntry("endpoint", trunk.name())
                            .containsKey("match"));
            assertThat(context(dialplan, pjsip.effective(trunk).get("context"))).contains("exten => 102,1,");
        }
    }

    @Test
    void operatorPhonesAreExtensionsTheDialplanAndTheWorkstationsKnowWithTheirOwnAuthAndAor() {
        AsteriskConf pjsip = AsteriskConf.read(ASTERISK.resolve("pjsip.conf"));
        String dialplan = ConfFiles.text(ASTERISK.resolve("extensions.conf"));
        List<AsteriskConf.Section> phones = pjsip.objects("endpoint").stream()
                .filter(e -> e.inherits().contains("operator-phone")).toList();
        assertThat(phones).extracting(AsteriskConf.Section::name).contains("1001", "1002");
        for (AsteriskConf.Section phone : phones) {
            Map<String, String> e = pjsip.effective(phone);
            // The dialplan's _1XXX and the workstation's extension ([0-9]{2,15}, member PJSIP/<extension>).
            assertThat(phone.name()).matches("1[0-9]{3}");
            assertThat(context(dialplan, e.get("context"))).contains("exten => _1XXX,");
            assertThat(e).containsEntry("device_state_busy_at", "1").containsEntry("auth", phone.name())
                    .containsEntry("aors", phone.name());
            assertThat(pjsip.object(phone.name(), "auth")).as("auth of " + phone.name()).isPresent();
            assertThat(pjsip.object(phone.name(), "aor")).as("aor of " + phone.name()).isPresent();
        }
        // Media through Asterisk on every endpoint: MixMonitor must hear both sides.
        assertThat(pjsip.objects("endpoint")).allSatisfy(e ->
                assertThat(pjsip.effective(e)).containsEntry("direct_media", "no"));
    }

    @Test
    void theManagerUserIsTheBridgesWithExactlyTheEventClassesItReadsAndTheActionClassesItSends() {
        AsteriskConf manager = AsteriskConf.read(ASTERISK.resolve("manager.conf"));
        Map<String, String> env = ConfFiles.environmentFile(SYSTEMD.resolve("line102.env"));
        Map<String, String> general = manager.section("general");
        assertThat(general).containsEntry("timestampevents", "yes").containsEntry("bindaddr", "127.0.0.1")
                .containsEntry("port", String.valueOf(documented.bind("line102.cti.ami.port", Integer.class).get()));

        Map<String, String> user = manager.section(env.get("LINE102_CTI_AMI_USERNAME"));
        assertThat(user.get("secret")).isEqualTo(env.get("LINE102_CTI_AMI_SECRET")).isEqualTo("change-me");
        assertThat(classes(user.get("read"))).isEqualTo(classes(AmiProperties.DEFAULT_EVENT_MASK))
                .isEqualTo(classes(documented.bind("line102.cti.ami.event-mask", String.class).get()));
        // agent: QueueAdd/Remove/Pause/Penalty; reporting: CoreShowChannels, CoreSettings, Getvar, ShowDialPlan.
        assertThat(classes(user.get("write"))).contains("agent", "reporting")
                .doesNotContain("system", "command", "config", "all");
        assertThat(user.get("deny")).isEqualTo("0.0.0.0/0.0.0.0");
    }

    @Test
    void theAriUserIsTheRecordersAndTheHttpServerListensWhereTheRecorderLooks() {
        RecorderProperties.Ari ari = ingest(documented).ari();
        Map<String, String> env = ConfFiles.environmentFile(SYSTEMD.resolve("line102.env"));
        AsteriskConf ariConf = AsteriskConf.read(ASTERISK.resolve("ari.conf"));
        assertThat(ariConf.section("general")).containsEntry("enabled", "yes");
        assertThat(ariConf.section(ari.username())).containsEntry("type", "user").containsEntry("read_only", "no")
                .containsEntry("password", env.get("LINE102_RECORDER_INGEST_ARI_PASSWORD"));

        Map<String, String> http = AsteriskConf.read(ASTERISK.resolve("http.conf")).section("general");
        URI base = ari.baseUrl();
        assertThat(http).containsEntry("enabled", "yes").containsEntry("bindaddr", base.getHost())
                .containsEntry("bindport", String.valueOf(base.getPort())).containsEntry("prefix", "");
        assertThat(base.getPath()).as("the recorder appends /ari itself").isIn("", "/");
        // ARI serves only files under Asterisk's recording directory.
        assertThat(ari.recordingDir()).startsWith("/var/spool/asterisk/");
    }

    private static AgiProperties agi(Binder binder) {
        return binder.bind("line102.cti.agi", AgiProperties.class).get();
    }

    private static RecorderProperties.Ingest ingest(Binder binder) {
        return binder.bind("line102.recorder.ingest", RecorderProperties.Ingest.class).get();
    }

    private static Set<String> classes(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The text of one dialplan context, up to the next section. */
    private static String context(String dialplan, String name) {
        Matcher m = Pattern.compile("(?s)\\n\\[" + Pattern.quote(name) + "\\]\\n(.*?)(\\n\\[|$)").matcher(dialplan);
        assertThat(m.find()).as("context [" + name + "] in extensions.conf").isTrue();
        return m.group(1);
    }
}
