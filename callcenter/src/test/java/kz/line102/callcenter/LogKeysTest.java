package kz.line102.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Log lines name what they are about as {@code key={}}, one key per concept in all three
 * modules, so one search finds a call's or an operator's whole story ({@code operator=}
 * beside {@code operatorId=} splits it).
 */
class LogKeysTest {

    /** The keys in use; a new concept adds its key here, a synonym of one of these does not. */
    private static final Set<String> KEYS = Set.of("callId", "operatorId", "extension", "queue", "pbx",
            "incidentId", "alertId", "unitId", "testCall", "lineHealthIncident", "kind", "severity", "kui",
            "RECDIR", "ROUTE_AGI", "recordingId", "jobId", "step", "target", "user", "setting", "journal", "watch", "employeeId", "caseId", "commissionId", "listId");
    private static final Pattern KEY = Pattern.compile("[\\s\"(]([A-Za-z_]+)=\\{}");
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"),
            Path.of("../cti-bridge/src/main/java"), Path.of("../recorder/src/main/java"));

    @Test
    void everyLogKeyIsTheOneNameOfItsConcept() throws IOException {
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    Matcher m = KEY.matcher(read(p));
                    while (m.find()) {
                        if (!KEYS.contains(m.group(1))) {
                            unknown.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(p.getFileName().toString());
                        }
                    }
                });
            }
        }
        assertThat(unknown).as("log keys outside the list (a synonym? use the listed key)").isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
