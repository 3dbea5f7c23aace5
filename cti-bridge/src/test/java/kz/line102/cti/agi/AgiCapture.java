package kz.line102.cti.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One captured FastAGI session ({@code agi-<scenario>.raw}): the request block Asterisk
 * sent, and the replies it gave to the router's commands, in order.
 */
public record AgiCapture(String scenario, String request, List<String> replies) {

    public static final List<String> SCENARIOS = List.of("answered", "abandon", "abandon-ringing", "rna-answer");
    private static final Path DIR = Path.of(System.getProperty("line102.fixtures",
            "../../shared/fixtures/asterisk/22.10.1"));

    public static AgiCapture load(String scenario) {
        String raw;
        try {
            raw = Files.readString(resolve("agi-" + scenario + ".raw"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = raw.indexOf("\n\n") + 2;
        List<String> replies = new ArrayList<>(List.of(raw.substring(end).split("\n")));
        replies.removeIf(String::isEmpty);
        return new AgiCapture(scenario, raw.substring(0, end), List.copyOf(replies));
    }

    /** The request with one variable replaced (or removed when {@code value} is null). */
    public AgiCapture with(String variable, String value) {
        StringBuilder out = new StringBuilder();
        for (String line : request.split("\n", -1)) {
            if (line.startsWith(variable + ": ")) {
                if (value != null) {
                    out.append(variable).append(": ").append(value).append('\n');
                }
            } else if (!line.isEmpty()) {
                out.append(line).append('\n');
            }
        }
        return new AgiCapture(scenario, out.append('\n').toString(), replies);
    }

    public AgiCapture withReplies(List<String> answers) {
        return new AgiCapture(scenario, request, List.copyOf(answers));
    }

    public String variable(String name) {
        for (String line : request.split("\n")) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2);
            }
        }
        return null;
    }

    private static Path resolve(String name) {
        for (Path dir : new Path[] {DIR, Path.of("/work/shared/fixtures/asterisk/22.10.1")}) {
            if (Files.exists(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException("fixture " + name + " not found under " + DIR.toAbsolutePath());
    }
}
