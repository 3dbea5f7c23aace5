package kz.line102.cti.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** JAIN-SIP stays behind this package: the rest of the bridge and the application see only our own types. */
class SipBorderTest {

    @Test
    void onlyTheSipPackageImportsJainSip() throws IOException {
        Path sip = Path.of("src", "main", "java", "kz", "line102", "cti", "sip");
        assertThat(importing(Path.of("src", "main", "java"))).allMatch(f -> f.startsWith(sip));
        Path application = Path.of("..", "callcenter", "src", "main", "java");
        if (Files.isDirectory(application)) {
            assertThat(importing(application)).isEmpty();
        }
    }

    private static List<Path> importing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("import javax.sip") || text.contains("import gov.nist");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
