package kz.line102.callcenter.routing;

import java.time.Instant;
import java.util.List;

/**
 * One saved version of the rule set: who saved it, when, why, what changed against the
 * version before it, and, for a restore, which version it brought back.
 */
public record RuleSetVersion(int version, RuleSet ruleSet, String createdBy, Instant createdAt, String action,
                             String comment, Integer restoredFrom, List<String> changes) {

    /** The version in force before any was saved: no rules, everything to the first configured queue. */
    static RuleSetVersion initial(String queue) {
        return new RuleSetVersion(0, new RuleSet(queue, 0, List.of()), "system", Instant.EPOCH, "initial",
                "no rule set saved yet", null, List.of());
    }
}
