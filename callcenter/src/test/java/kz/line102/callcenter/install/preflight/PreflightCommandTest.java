package kz.line102.callcenter.install.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.cti.ami.AmiConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code --preflight} run in-process, as {@code java -jar ... --preflight} runs it, against the test
 * profile's stores and this context's replayed PBX configured wrongly: one line per finding in the
 * chosen language, exit 1 on a failure, and neither the AMI lease nor call events taken.
 */
@CallcenterTest
class PreflightCommandTest {

    private static final String PBX = "preflight-cli-pbx";

    @Autowired
    DemoReplay replay;
    @Autowired
    AmiConnector ami;
    @Autowired
    UnifiedJedis redis;

    @BeforeEach
    void linkUp() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.health().connected());
    }

    @AfterEach
    void pbxAsConfigured() {
        for (String g : List.of("ROUTE_AGI", "ROUTE_DEFAULT_QUEUE", "ROUTE_DEFAULT_PRIO", "RECDIR")) {
            replay.server().setGlobal(g, null);
        }
    }

    private record Run(int exit, List<String> out, String err) {
    }

    private List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of("--preflight", "--spring.profiles.active=test",
                "--line102.cti.ami.host=127.0.0.1", "--line102.cti.ami.port=" + replay.server().port(),
                "--line102.cti.ami.username=replay", "--line102.cti.ami.secret=replay",
                "--line102.cti.ami.pbx=" + PBX, "--line102.cti.agi.port=4573"));
        args.addAll(Arrays.asList(extra));
        return args;
    }

    private Run run(String... extra) {
        List<String> args = args(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PreflightCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    private static String line(Run run, String id) {
        return run.out().stream().filter(l -> l.matches("(OK|WARN|FAIL|SKIPPED) " + id + ": .*")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + id + " in " + run));
    }

    @Test
    void aWrongFastAgiPortFailsWithExitOneAndOneLinePerFindingInTheChosenLanguage() {
        replay.server().setGlobal("ROUTE_AGI", "agi://127.0.0.1:4599/route102");
        int loggedIn = replay.server().loggedInClients();

        Run en = run("--lang=en");

        assertThat(en.exit()).as(en.toString()).isEqualTo(1);
        assertThat(line(en, "dialplan-agi")).startsWith("FAIL dialplan-agi: The dialplan calls the routing service at "
                + "agi://127.0.0.1:4599/route102, port 4599, but it listens on port 4573")
                .contains(" To change: Make the port agree").contains("dialplan reload");
        assertThat(line(en, "ami-link")).startsWith("OK ami-link: Logged in to " + PBX + " over AMI since ")
                .contains("without events");
        assertThat(line(en, "ami-read-classes")).startsWith("SKIPPED ami-read-classes:");
        assertThat(line(en, "ami-actions")).startsWith("OK ami-actions:");
        assertThat(line(en, "redis-persistence")).startsWith("FAIL redis-persistence: Redis runs without the "
                + "append-only file");
        assertThat(line(en, "clock-database")).startsWith("OK clock-database:");
        // Every line a finding, then the summary: nothing else on standard output.
        List<String> findings = en.out().subList(0, en.out().size() - 1);
        assertThat(findings).hasSizeGreaterThanOrEqualTo(16)
                .allMatch(l -> l.matches("(OK|WARN|FAIL|SKIPPED) [a-z-]+: .+"));
        assertThat(en.out().get(en.out().size() - 1)).startsWith("Preflight at ").contains(" fail, ");
        // The command's AMI session is gone with it; it never took this PBX's lease.
        await().atMost(Duration.ofSeconds(10)).until(() -> replay.server().loggedInClients() == loggedIn);
        assertThat(redis.exists(kz.line102.callcenter.testing.TestKeyPrefix.RUN_PREFIX + ":cti:lease:ami:" + PBX)).isFalse();
        assertThat(ami.health().connected()).isTrue();

        Run ru = run("--lang=ru");
        assertThat(ru.exit()).isEqualTo(1);
        assertThat(line(ru, "dialplan-agi")).startsWith("FAIL dialplan-agi: ").contains("порт 4599")
                .contains("слушает порт 4573").contains(" Что изменить: ");
        assertThat(ru.out().get(ru.out().size() - 1)).startsWith("Предварительная проверка на ");

        Run kk = run("--lang=kk");
        assertThat(line(kk, "redis-persistence")).contains("AOF журналынсыз");

        // The port repaired on the PBX: that finding passes (Redis without AOF still fails here).
        replay.server().setGlobal("ROUTE_AGI", "agi://127.0.0.1:4573/route102");
        assertThat(line(run("--lang=en"), "dialplan-agi")).startsWith("OK dialplan-agi:");
    }

    @Test
    void theLauncherRunsItInAJvmOfItsOwnWithoutAWebServerAndExitsWithItsCode() throws Exception {
        replay.server().setGlobal("ROUTE_AGI", "agi://127.0.0.1:4599/route102");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "kz.line102.callcenter.CallcenterApplication"));
        command.addAll(args("--lang=en"));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = jvm.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(jvm.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(jvm.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("FAIL dialplan-agi: The dialplan calls the routing service at "
                + "agi://127.0.0.1:4599/route102, port 4599").contains("Preflight at ")
                .doesNotContain("Tomcat started").doesNotContain("Started CallcenterApplication")
                .doesNotContain(" INFO ");
        assertThat(out.lines().findFirst().orElse("")).startsWith("OK ami-link: ");
    }

    @Test
    void aPbxThatRefusesTheLoginFailsTheAmiLinkAndSaysWhatToCheck() {
        Run run = run("--lang=en", "--line102.cti.ami.secret=not-the-secret",
                "--line102.callcenter.preflight.first-link-wait=10s");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(line(run, "ami-link")).startsWith("FAIL ami-link: No AMI login to " + PBX)
                .contains("To change: Check line102.cti.ami.host");
        assertThat(line(run, "dialplan-agi")).startsWith("SKIPPED dialplan-agi:");
    }

    @Test
    void storesThatDoNotAnswerAreFailedFindingsNotAWait() {
        long started = System.nanoTime();
        Run run = run("--lang=en", "--line102.redis.port=1", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/test");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(line(run, "redis-persistence")).startsWith("FAIL redis-persistence: Redis does not answer")
                .contains("To change: Start Redis");
        assertThat(run.out()).anyMatch(l -> l.startsWith("FAIL check: The check database-app-role could not run: ")
                && l.contains("127.0.0.1:1"));
        assertThat(line(run, "ami-link")).startsWith("OK ami-link:");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aConfigurationTheNodeWouldRefuseEndsWithExitOneAndTheReasonOnStandardError() {
        Run run = run("--lang=en", "--line102.cti.ami.port=not-a-port");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("The preflight could not start: ").contains("not-a-port");
    }

    @Test
    void theLanguageIsTheArgumentsThenTheLocalesThenRussian() {
        assertThat(PreflightCommand.language(new String[] {"--lang=kk"}).getLanguage()).isEqualTo("kk");
        assertThat(PreflightCommand.language(new String[] {"--lang=de"}).getLanguage()).isEqualTo("ru");
        assertThat(PreflightCommand.wanted(new String[] {"--spring.profiles.active=service", "--preflight"})).isTrue();
        assertThat(PreflightCommand.wanted(new String[] {"--spring.profiles.active=service"})).isFalse();
    }

    @Test
    void everyMessageIsInRussianKazakhAndEnglish() throws IOException {
        Set<String> en = keys("en");
        assertThat(keys("ru")).isEqualTo(en);
        assertThat(keys("kk")).isEqualTo(en);
    }

    private static Set<String> keys(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PreflightCommandTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        TreeSet<String> preflight = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("preflight.")) {
                preflight.add(key);
            }
        }
        assertThat(preflight).as("preflight texts in " + language).isNotEmpty();
        return preflight;
    }
}
