package kz.line102.cti.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which scenarios {@code playMany} starts, by weight, in a fixed interleaved
 * order (deterministic, so a benchmark run is repeatable).
 */
public final class ScenarioMix {

    private final List<Scenario> cycle;

    private ScenarioMix(List<Scenario> cycle) {
        if (cycle.isEmpty()) {
            throw new IllegalArgumentException("empty scenario mix");
        }
        this.cycle = List.copyOf(cycle);
    }

    /** Weights by bundled scenario name, e.g. {@code {answered=3, abandon=1}}. */
    public static ScenarioMix of(Map<String, Integer> weights) {
        Map<String, Scenario> compiled = new LinkedHashMap<>();
        weights.keySet().forEach(name -> compiled.put(name, Scenario.bundled(name)));
        List<Scenario> cycle = new ArrayList<>();
        int max = weights.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int round = 0; round < max; round++) {
            for (var e : weights.entrySet()) {
                if (round < e.getValue()) {
                    cycle.add(compiled.get(e.getKey()));
                }
            }
        }
        return new ScenarioMix(cycle);
    }

    public static ScenarioMix only(String scenario) {
        return of(Map.of(scenario, 1));
    }

    /** Every bundled scenario once. */
    public static ScenarioMix allBundled() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        Scenario.BUNDLED.forEach(name -> weights.put(name, 1));
        return of(weights);
    }

    /** Parses {@code answered:3,abandon:1} (weight 1 when omitted) or {@code all}. */
    public static ScenarioMix parse(String spec) {
        if (spec.isBlank() || spec.equalsIgnoreCase("all")) {
            return allBundled();
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            weights.merge(kv[0].trim(), kv.length > 1 ? Integer.parseInt(kv[1].trim()) : 1, Integer::sum);
        }
        return of(weights);
    }

    Scenario get(int index) {
        return cycle.get(Math.floorMod(index, cycle.size()));
    }
}
