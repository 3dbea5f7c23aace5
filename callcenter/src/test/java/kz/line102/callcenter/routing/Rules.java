package kz.line102.callcenter.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kz.line102.callcenter.routing.RuleSet.Conditions;
import kz.line102.callcenter.routing.RuleSet.Rule;

/** Rule-building shorthands for tests (public for the web tests). */
public final class Rules {

    public static final Path EXAMPLE = Path.of("..", "conf", "routing-rules.json");

    private Rules() {
    }

    public static String example() {
        try {
            return Files.readString(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Conditions languages(String... languages) {
        return new Conditions(null, null, List.of(languages), null, null, null, null, null, null);
    }

    public static Conditions prefixes(String... prefixes) {
        return new Conditions(List.of(prefixes), null, null, null, null, null, null, null, null);
    }

    public static Rule rule(String name, Conditions when, String queue, int priority) {
        return new Rule(name, when, queue, priority);
    }

    public static RuleSet set(Rule... rules) {
        return new RuleSet("q102", 0, List.of(rules));
    }
}
