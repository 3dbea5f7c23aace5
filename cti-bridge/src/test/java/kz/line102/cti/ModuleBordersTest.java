package kz.line102.cti;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bridge is a library that knows nothing of the application: no Spring, no
 * callcenter types, and asterisk-java only behind the {@code cti.ami} adapter.
 */
class ModuleBordersTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "kz", "line102", "cti");

    @Test
    void theBridgeNeverImportsTheApplicationOrSpring() throws IOException {
        assertThat(importing("import kz.line102.callcenter", "import org.springframework")).isEmpty();
    }

    @Test
    void asteriskJavaStaysInsideTheAmiAndAgiAdapters() throws IOException {
        assertThat(importing("import org.asteriskjava")).allMatch(f -> f.startsWith(SOURCES.resolve("ami"))
                || f.startsWith(SOURCES.resolve("agi")));
        assertThat(importing("import org.asteriskjava.manager")).noneMatch(f -> f.startsWith(SOURCES.resolve("agi")));
        assertThat(importing("import org.asteriskjava.fastagi")).noneMatch(f -> f.startsWith(SOURCES.resolve("ami")));
    }

    @Test
    void everyPackageSaysWhatBelongsThere() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d) && !Files.exists(d.resolve("package-info.java"))).toList();
            assertThat(missing).isEmpty();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> importing(String... prefixes) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    for (String prefix : prefixes) {
                        if (line.startsWith(prefix)) {
                            found.add(f);
                        }
                    }
                }
            }
        }
        return found;
    }
}
