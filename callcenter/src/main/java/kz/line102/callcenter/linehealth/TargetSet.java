package kz.line102.callcenter.linehealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The line-health targets and the test-call schedule as one versioned setting
 * ({@code line-health-targets}): every change of a target or of the schedule is a new
 * version of the whole set. A target is known by its name across versions (its probes
 * and incidents follow the name); renaming is removing one target and adding another.
 *
 * @param testCalls null: test calls as {@code line102.callcenter.line-health.test-call} configures them
 */
record TargetSet(List<TargetSpec> targets, TestCallSchedule testCalls) {

    TargetSet {
        targets = targets == null ? List.of() : List.copyOf(targets.stream().filter(Objects::nonNull).toList());
    }

    static TargetSet empty() {
        return new TargetSet(List.of(), null);
    }

    Optional<TargetSpec> target(String name) {
        return targets.stream().filter(t -> t.name() != null && t.name().strip().equals(name)).findFirst();
    }

    /** This set with {@code spec} in place of the target named {@code name} (added at the end when none is). */
    TargetSet with(String name, TargetSpec spec) {
        List<TargetSpec> next = new ArrayList<>();
        boolean replaced = false;
        for (TargetSpec t : targets) {
            if (name != null && name.equals(t.name())) {
                next.add(spec);
                replaced = true;
            } else {
                next.add(t);
            }
        }
        if (!replaced) {
            next.add(spec);
        }
        return new TargetSet(next, testCalls);
    }

    TargetSet without(String name) {
        return new TargetSet(targets.stream().filter(t -> !name.equals(t.name())).toList(), testCalls);
    }

    /**
     * One target as IT staff set it. Numbers are boxed so that a missing one is named by
     * the validation rather than read as 0. The hysteresis and the thresholds of
     * "degraded" left empty follow the configuration ({@code failures-to-down},
     * {@code successes-to-up}, {@code window}, {@code slow-rtt}).
     *
     * @param failuresToDown N: failed probes in a row that put the target down
     * @param successesToUp  M: good probes in a row that bring it back
     * @param degradedWindow a failure among this many last probes shows it degraded
     * @param slowRttMs      a good probe slower than this shows it degraded
     */
    record TargetSpec(String name, String host, Integer port, String transport, Integer intervalMs,
                      Integer timeoutMs, List<Integer> expectedCodes, Integer failuresToDown, Integer successesToUp,
                      Integer degradedWindow, Integer slowRttMs, Boolean enabled) {

        /** Probed: enabled unless said otherwise. */
        boolean active() {
            return enabled == null || enabled;
        }

        List<Integer> codes() {
            return expectedCodes == null || expectedCodes.isEmpty() ? List.of(200)
                    : expectedCodes.stream().filter(Objects::nonNull).distinct().sorted().toList();
        }

        /** The same target as the API's one-target request sends it, its hysteresis kept from {@code before}. */
        static TargetSpec of(TargetRequest r, TargetSpec before) {
            return new TargetSpec(r.name() == null ? null : r.name().strip(), r.host(), r.port(),
                    r.transport() == null ? null : r.normalTransport(), r.intervalMs(), r.timeoutMs(), r.codes(),
                    before == null ? null : before.failuresToDown(), before == null ? null : before.successesToUp(),
                    before == null ? null : before.degradedWindow(), before == null ? null : before.slowRttMs(),
                    r.isEnabled());
        }
    }

    /**
     * When and how often test calls are placed, and the budget of each end-to-end step on
     * our side (milliseconds from the test call's start).
     *
     * @param intervalSeconds between scheduled test calls; 0: on demand only
     * @param from            "HH:mm" in the centre's zone: scheduled test calls only from then (with {@code to})
     * @param to              "HH:mm": until then; {@code from} after {@code to} spans midnight
     */
    record TestCallSchedule(Integer intervalSeconds, String from, String to, Integer eventsBudgetMs,
                            Integer callRecordBudgetMs, Integer routingBudgetMs, Integer recordingBudgetMs) {
    }
}
