package kz.line102.cti.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A captured call, compiled once: its asynchronous events in order with their
 * captured spacing, and the tokens each replay instance renews.
 */
public final class Scenario {

    /** The captures bundled with the server, by scenario name. */
    public static final List<String> BUNDLED = List.of(
            "answered", "abandon", "abandon-ringing", "rna-answer", "two-callers", "agi-down");

    private final String name;
    private final List<EventTemplate> events;
    private final List<VariableSpec> variables;
    private final long firstEventEpochMicros;

    Scenario(String name, List<EventTemplate> events, List<VariableSpec> variables, long firstEventEpochMicros) {
        this.name = name;
        this.events = List.copyOf(events);
        this.variables = List.copyOf(variables);
        this.firstEventEpochMicros = firstEventEpochMicros;
    }

    /** Loads and compiles one of {@link #BUNDLED} from the classpath. */
    public static Scenario bundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new IllegalArgumentException("no bundled scenario '" + name + "', known: " + BUNDLED);
        }
        return fromCapture(name, ReplayResources.read("ami-" + name + ".txt"));
    }

    /** Compiles a raw AMI session capture (banner, then CRLF blocks). */
    public static Scenario fromCapture(String name, byte[] capture) {
        return ScenarioCompiler.compile(name, CaptureParser.parse(capture));
    }

    public String name() {
        return name;
    }

    public int eventCount() {
        return events.size();
    }

    /** Captured length from the first to the last event. */
    public long durationMicros() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).offsetMicros();
    }

    List<EventTemplate> events() {
        return events;
    }

    List<VariableSpec> variables() {
        return variables;
    }

    /** The captured value of every token, as if the capture were played unchanged. */
    byte[][] capturedValues() {
        byte[][] values = new byte[variables.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = EventTemplate.latin1(variables.get(i).original());
        }
        return values;
    }

    long firstEventEpochMicros() {
        return firstEventEpochMicros;
    }

    static final class ReplayResources {
        private ReplayResources() {
        }

        static byte[] read(String file) {
            try (InputStream in = Scenario.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + file);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + events.size() + " events]";
    }
}
