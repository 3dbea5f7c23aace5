package kz.line102.callcenter.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.routing.RuleSet.Rule;

/** What changed between two rule sets, one sentence per change, for the version history and the audit. */
final class RuleSetDiff {

    private RuleSetDiff() {
    }

    static List<String> between(RuleSet before, RuleSet after) {
        List<String> changes = new ArrayList<>();
        if (!before.defaultQueue().equals(after.defaultQueue()) || before.defaultPriority() != after.defaultPriority()) {
            changes.add("default " + before.defaultQueue() + "/" + before.defaultPriority() + " -> "
                    + after.defaultQueue() + "/" + after.defaultPriority());
        }
        Map<String, Rule> old = byName(before);
        Map<String, Rule> now = byName(after);
        now.forEach((name, rule) -> {
            Rule was = old.get(name);
            if (was == null) {
                changes.add("added rule " + name);
            } else if (!was.equals(rule)) {
                changes.add("changed rule " + name);
            }
        });
        old.keySet().stream().filter(name -> !now.containsKey(name)).forEach(name -> changes.add("removed rule " + name));
        List<String> oldOrder = new ArrayList<>(old.keySet());
        oldOrder.retainAll(now.keySet());
        List<String> newOrder = new ArrayList<>(now.keySet());
        newOrder.retainAll(old.keySet());
        if (!oldOrder.equals(newOrder)) {
            changes.add("reordered rules");
        }
        if (changes.isEmpty()) {
            changes.add("no change");
        }
        return changes;
    }

    private static Map<String, Rule> byName(RuleSet set) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        set.rules().forEach(r -> rules.put(r.name(), r));
        return rules;
    }
}
