package kz.line102.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The borders STYLE.md draws around this library, checked on its sources. */
class ModuleBordersTest {

    private static final Path MAIN = Path.of("src/main/java/kz/line102/recorder");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void javaCvIsUsedOnlyInTheTranscodePackage() throws IOException {
        assertThat(sources()).filteredOn(p -> read(p).contains("import org.bytedeco"))
                .allMatch(p -> p.getParent().endsWith("transcode"));
    }

    @Test
    void theLibraryImportsNeitherSpringNorTheCallCentreNorTheBridge() throws IOException {
        assertThat(sources()).filteredOn(p -> {
            String s = read(p);
            return s.contains("import org.springframework") || s.contains("import kz.line102.callcenter")
                    || s.contains("import kz.line102.cti");
        }).isEmpty();
    }

    @Test
    void everyPackageSaysWhatBelongsInIt() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            assertThat(dirs.filter(Files::isDirectory).toList())
                    .allMatch(d -> Files.exists(d.resolve("package-info.java")));
        }
    }
}
