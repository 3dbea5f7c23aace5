package kz.line102.cti.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The original captures, read from the shared fixtures (tests only; the product uses its copies). */
final class Fixtures {

    static final Path DIR = Path.of(System.getProperty("line102.fixtures",
            "../../shared/fixtures/asterisk/22.10.1"));

    private Fixtures() {
    }

    static byte[] capture(String scenario) {
        Path file = resolve("ami-" + scenario + ".txt");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the client sent in that session. */
    static byte[] sent(String scenario) {
        try {
            return Files.readAllBytes(resolve("ami-" + scenario + ".sent.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resolve(String name) {
        for (Path dir : new Path[] {DIR, Path.of("/work/shared/fixtures/asterisk/22.10.1")}) {
            if (Files.exists(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException("fixture " + name + " not found under " + DIR.toAbsolutePath());
    }

    /** Per event name, how many asynchronous call events the original capture holds. */
    static Map<String, Integer> asyncEventCounts(String scenario) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CapturedBlock b : CaptureParser.parse(capture(scenario)).blocks()) {
            if (ScenarioCompiler.isCallEvent(b)) {
                counts.merge(b.eventName(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
