package kz.line102.callcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The one message bundle is complete: the same keys in ru, kk and en, none empty; every text
 * a page names ({@code data-t}, {@code data-st}, {@code data-i}, {@code data-c}, {@code t('…')})
 * exists; every problem code and field code thrown in main code has its text; every server-side
 * text is a valid MessageFormat pattern.
 */
class MessageBundleTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path STATIC = RESOURCES.resolve("static");
    private static final Path JAVA = Path.of("src/main/java");
    private static final List<String> LANGS = List.of("ru", "kk", "en");

    /** Which bundle prefix each page's attributes and scripts read (page.js strips it). */
    private static final Map<String, String> PAGE_PREFIX = Map.ofEntries(
            Map.entry("console/index.html:data-t", "console"),
            Map.entry("console/index.html:data-st", "console.state"),
            Map.entry("console/index.html:data-i", "console.incident"),
            Map.entry("console/console.js", "console"),
            Map.entry("console/state.js", "console.state"),
            Map.entry("console/incident.js", "console.incident"),
            Map.entry("supervisor", "supervisor"),
            Map.entry("reports", "reports"),
            Map.entry("wallboard", "wallboard"),
            Map.entry("stats", "stats"),
            Map.entry("archive", "archive"),
            Map.entry("routing", "routing"),
            Map.entry("line-health", "lineHealth"),
            Map.entry("watch", "watch"),
            Map.entry("certification", "certification"),
            Map.entry("certification/mine", "certification"),
            Map.entry("admin/dead-letters", "deadLetters"),
            Map.entry("admin/preflight", "preflightPage"),
            Map.entry("admin/users", "admin.users"),
            Map.entry("admin/workstations", "admin.workstations"),
            Map.entry("admin/units", "admin.units"),
            Map.entry("admin/registry", "admin.registry"),
            Map.entry("admin", "admin"));

    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(data-(?:t|st|i|c))=\"([^\"]+)\"");
    private static final Pattern T_CALL = Pattern.compile("(?<![\\w.])t\\('([A-Za-z0-9.\\-]+)'\\s*[,)]");
    // common/admin.js's helpers take the keys of the page's texts: button('key', …), stateCell(tr, on, 'onKey', 'offKey').
    private static final Pattern ADMIN_KEYS = Pattern.compile(
            "(?<![\\w.])button\\('([A-Za-z0-9.\\-]+)'|stateCell\\([^;']*?'([A-Za-z0-9.\\-]+)',\\s*'([A-Za-z0-9.\\-]+)'\\)");
    /** Codes as thrown: after an HTTP status, first argument of an exception or of a module's problem factory, or a rate limiter's code. */
    private static final Pattern PROBLEM_CODE = Pattern.compile("(?:HttpStatus\\.[A-Z_]+,\\s*"
            + "|new [A-Za-z]*Exception\\(\\s*(?=\"[a-z0-9]+-)|Problem\\.(?:invalid|conflict)\\()\"([a-z0-9]+(?:-[a-z0-9]+)*)\""
            + "|\"([a-z-]*rate-limited)\"");
    /** A module's codes in one place: {@code public static final String NAME = "code";} in its ProblemCodes. */
    private static final Pattern CODE_CONSTANT = Pattern.compile("static final String [A-Z0-9_]+ = \"([a-z0-9]+(?:-[a-z0-9]+)*)\";");
    /** A module's field codes (a dot after the module's name) in its ProblemCodes: texts under {@code field.<code>}. */
    private static final Pattern FIELD_CONSTANT = Pattern.compile("static final String [A-Z0-9_]+ = \"([a-z]+\\.[a-z0-9]+(?:-[a-z0-9]+)*)\";");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:problem|field|common)\\.[A-Za-z0-9.\\-]+[A-Za-z0-9])\"");
    private static final Pattern FIELD_CODE = Pattern.compile("new FieldError\\([^;]*?,\\s*\"([a-z][a-z0-9.\\-]*)\",\\s*List");
    private static final Pattern STATS_T = Pattern.compile("texts\\.t\\(\"([A-Za-z0-9\\-]+)\"\\)");
    private static final Pattern STATS_FIGURES = Pattern.compile("FIGURES = \\{([^}]*)\\}");
    private static final Pattern REQUIRE = Pattern.compile("require\\(complete, errors, \"([A-Za-z]+)\"");

    @Test
    void everyKeyIsInEveryLanguageAndNoneIsEmpty() throws IOException {
        Map<String, Properties> bundles = bundles();
        Set<String> ru = bundles.get("ru").stringPropertyNames();
        assertThat(ru).hasSizeGreaterThan(500);
        for (String lang : LANGS) {
            Properties p = bundles.get(lang);
            assertThat(new TreeSet<>(p.stringPropertyNames())).as("keys of " + lang).isEqualTo(new TreeSet<>(ru));
            assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()).toList())
                    .as("empty texts in " + lang).isEmpty();
        }
    }

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        // Properties keeps the last of two equal keys: one of two meanings would silently vanish.
        for (String lang : LANGS) {
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (String line : Files.readAllLines(RESOURCES.resolve("i18n/messages_" + lang + ".properties"))) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                    seen.merge(trimmed.substring(0, trimmed.indexOf('=')).strip(), 1, Integer::sum);
                }
            }
            assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("keys written twice in " + lang).isEmpty();
        }
    }

    @Test
    void everyTextThePagesNameExists() throws IOException {
        Set<String> keys = bundles().get("ru").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(STATIC), Files.walk(RESOURCES.resolve("shell")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js")).toList()) {
                String name = (file.startsWith(STATIC) ? STATIC.relativize(file) : file.getFileName()).toString();
                String source = Files.readString(file);
                Matcher a = ATTRIBUTE.matcher(source);
                while (a.find()) {
                    String key = a.group(1).equals("data-c") ? "common." + a.group(2)
                            : prefix(name, a.group(1)) + "." + a.group(2);
                    if (!keys.contains(key)) {
                        missing.add(name + " " + a.group(1) + "=" + a.group(2) + " -> " + key);
                    }
                }
                if (name.endsWith(".js") && !name.startsWith("common/") && !name.startsWith("login/")) {
                    Matcher t = T_CALL.matcher(source);
                    while (t.find()) {
                        String key = prefix(name, null) + "." + t.group(1);
                        if (!keys.contains(key) && !keys.contains("common." + t.group(1))) {
                            missing.add(name + " t('" + t.group(1) + "') -> " + key);
                        }
                    }
                    Matcher k = ADMIN_KEYS.matcher(source);
                    while (k.find()) {
                        for (int g = 1; g <= k.groupCount(); g++) {
                            String key = k.group(g) == null ? null : prefix(name, null) + "." + k.group(g);
                            if (key != null && !keys.contains(key) && !keys.contains("common." + k.group(g))) {
                                missing.add(name + " '" + k.group(g) + "' -> " + key);
                            }
                        }
                    }
                }
            }
        }
        assertThat(missing).as("texts the pages name but the bundle lacks").isEmpty();
    }

    @Test
    void everyProblemAndFieldCodeThrownHasItsTextInEveryLanguage() throws IOException {
        Set<String> keys = bundles().get("ru").stringPropertyNames();
        Set<String> needed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                PROBLEM_CODE.matcher(source).results()
                        .forEach(m -> needed.add("problem." + (m.group(1) != null ? m.group(1) : m.group(2))));
                if (file.getFileName().toString().equals("ProblemCodes.java")) {
                    CODE_CONSTANT.matcher(source).results().forEach(m -> needed.add("problem." + m.group(1)));
                    FIELD_CONSTANT.matcher(source).results().forEach(m -> needed.add("field." + m.group(1)));
                }
                KEY_LITERAL.matcher(source).results().forEach(m -> needed.add(m.group(1)));
                FIELD_CODE.matcher(source).results().forEach(m -> needed.add("field." + m.group(1)));
                REQUIRE.matcher(source).results().forEach(m -> needed.add("field.required." + m.group(1)));
            }
        }
        assertThat(needed).as("codes found in main code").hasSizeGreaterThan(60)
                .contains("problem.invalid-incident", "problem.no-such-workstation", "field.required.description");
        assertThat(needed).as("field codes of a module's ProblemCodes").contains("field.routing.unknown-queue",
                "field.queue.range");
        assertThat(needed.stream().filter(k -> !keys.contains(k)).toList()).as("codes without a text").isEmpty();
    }

    /**
     * The statistics' exports (stats/web: CSV, PDF, quarterly results) read {@code stats.*}: every
     * literal they ask for, every figure column and every grouping's name has its text.
     */
    @Test
    void everyWordOfTheStatisticsExportsIsInTheBundle() throws IOException {
        Set<String> keys = bundles().get("ru").stringPropertyNames();
        Path web = JAVA.resolve("kz/line102/callcenter/stats/web");
        Set<String> needed = new TreeSet<>();
        try (Stream<Path> files = Files.list(web)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                STATS_T.matcher(source).results().forEach(m -> needed.add("stats." + m.group(1)));
                Matcher figures = STATS_FIGURES.matcher(source);
                if (figures.find()) {
                    Pattern.compile("\"([A-Za-z]+)\"").matcher(figures.group(1)).results()
                            .forEach(m -> needed.add("stats." + m.group(1)));
                }
            }
        }
        for (kz.line102.callcenter.stats.JdbcIntervals.Group g : kz.line102.callcenter.stats.JdbcIntervals.Group.values()) {
            if (g != kz.line102.callcenter.stats.JdbcIntervals.Group.ALL) {
                needed.add("stats." + g.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
        }
        assertThat(needed).as("stats export words").hasSizeGreaterThan(35).contains("stats.quarterTitle",
                "stats.serviceLevel", "stats.day-of-week");
        assertThat(needed.stream().filter(k -> !keys.contains(k)).toList()).as("export words without a text").isEmpty();
        assertThat(Files.exists(RESOURCES.resolve("kz/line102/callcenter/stats"))).as("a bundle of the module's own")
                .isFalse();
    }

    @Test
    void everyServerTextIsAValidMessageFormat() throws IOException {
        for (Map.Entry<String, Properties> b : bundles().entrySet()) {
            Properties p = b.getValue();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("problem.") || key.startsWith("field.") || key.startsWith("common.")
                        || key.startsWith("preflight.")) {
                    String text = new MessageFormat(p.getProperty(key)).format(new Object[] {"a", "b", "c", "d", "e"});
                    assertThat(text).as(b.getKey() + " " + key).doesNotContain("{0}");
                }
            }
        }
    }

    private static String prefix(String file, String attribute) {
        String exact = PAGE_PREFIX.get(file + ":" + attribute);
        if (exact != null) {
            return exact;
        }
        if (PAGE_PREFIX.containsKey(file)) {
            return PAGE_PREFIX.get(file);
        }
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
        String p = PAGE_PREFIX.get(dir);
        return p == null ? "common" : p;
    }

    static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> out = new java.util.TreeMap<>();
        for (String lang : LANGS) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(RESOURCES.resolve("i18n/messages_" + lang + ".properties"),
                    StandardCharsets.UTF_8)) {
                p.load(in);
            }
            out.put(lang, p);
        }
        return out;
    }
}
