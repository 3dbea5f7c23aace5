package kz.line102.callcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The application drives the PBX only through the bridge's own interfaces, never through asterisk-java. */
class AsteriskJavaBorderTest {

    @Test
    void noApplicationClassImportsAsteriskJava() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("import org.asteriskjava");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
