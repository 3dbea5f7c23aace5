package kz.line102.callcenter.linehealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import kz.line102.callcenter.linehealth.TargetSet.TargetSpec;

/** One sentence per change between two versions of the target set, kept with the newer one. */
final class TargetSetDiff {

    private static final Map<String, Function<TargetSpec, Object>> FIELDS = fields();

    private TargetSetDiff() {
    }

    static List<String> between(TargetSet before, TargetSet after) {
        List<String> out = new ArrayList<>();
        for (TargetSpec b : before.targets()) {
            if (after.target(b.name()).isEmpty()) {
                out.add("removed target " + b.name());
            }
        }
        for (TargetSpec a : after.targets()) {
            TargetSpec b = before.target(a.name()).orElse(null);
            if (b == null) {
                out.add("added target " + a.name() + " (" + a.host() + ":" + a.port() + " " + a.transport() + ")");
                continue;
            }
            List<String> changed = new ArrayList<>();
            FIELDS.forEach((field, get) -> {
                if (!Objects.equals(get.apply(b), get.apply(a))) {
                    changed.add(field + " " + get.apply(b) + " -> " + get.apply(a));
                }
            });
            if (!changed.isEmpty()) {
                out.add("changed target " + a.name() + ": " + String.join(", ", changed));
            }
        }
        if (!Objects.equals(before.testCalls(), after.testCalls())) {
            out.add("test-call schedule " + (after.testCalls() == null ? "back to the configured one"
                    : "now " + after.testCalls()));
        }
        return out.isEmpty() ? List.of("no change") : out;
    }

    private static Map<String, Function<TargetSpec, Object>> fields() {
        Map<String, Function<TargetSpec, Object>> f = new java.util.LinkedHashMap<>();
        f.put("host", TargetSpec::host);
        f.put("port", TargetSpec::port);
        f.put("transport", TargetSpec::transport);
        f.put("intervalMs", TargetSpec::intervalMs);
        f.put("timeoutMs", TargetSpec::timeoutMs);
        f.put("expectedCodes", TargetSpec::codes);
        f.put("failuresToDown", TargetSpec::failuresToDown);
        f.put("successesToUp", TargetSpec::successesToUp);
        f.put("degradedWindow", TargetSpec::degradedWindow);
        f.put("slowRttMs", TargetSpec::slowRttMs);
        f.put("enabled", TargetSpec::active);
        return f;
    }
}
