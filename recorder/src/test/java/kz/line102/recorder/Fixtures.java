package kz.line102.recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real MixMonitor recording captured from Asterisk 22 (8 kHz 16-bit mono, 20 s). */
public final class Fixtures {

    private static final String NAME = "recording-answered-mixmonitor.wav";

    private Fixtures() {
    }

    public static Path mixMonitorWav() {
        for (Path dir : new Path[] {
                Path.of(System.getProperty("line102.fixtures", "../../shared/fixtures/asterisk/22.10.1")),
                Path.of("/work/shared/fixtures/asterisk/22.10.1")}) {
            if (Files.isRegularFile(dir.resolve(NAME))) {
                return dir.resolve(NAME);
            }
        }
        throw new IllegalStateException("fixture " + NAME + " not found beside the project (../shared/fixtures)");
    }

    /**
     * The MixMonitor file as an Asterisk killed mid-call left it: RIFF and data sizes 0,
     * 163 840 bytes (10.24 s) of 8 kHz 16-bit PCM after the 44-byte header.
     */
    public static Path tornWav() {
        Path dir = mixMonitorWav().getParent();
        Path torn = dir.resolve("faults/pbx-crash-recording/torn-mixmonitor.wav");
        if (!Files.isRegularFile(torn)) {
            throw new IllegalStateException("fixture " + torn + " not found");
        }
        return torn;
    }

    /** Copies the fixture into {@code dir} under {@code name}, as the PBX would leave it. */
    public static Path spool(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        return Files.copy(mixMonitorWav(), dir.resolve(name));
    }
}
