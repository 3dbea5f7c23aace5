package kz.line102.cti.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code agi-<scenario>.txt} transcripts beside the raw captures. */
final class AgiCaptureTranscript {

    private AgiCaptureTranscript() {
    }

    static String read(String scenario) {
        for (String dir : new String[] {System.getProperty("line102.fixtures", "../../shared/fixtures/asterisk/22.10.1"),
                "/work/shared/fixtures/asterisk/22.10.1"}) {
            Path file = Path.of(dir, "agi-" + scenario + ".txt");
            if (Files.exists(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no transcript agi-" + scenario + ".txt");
    }
}
