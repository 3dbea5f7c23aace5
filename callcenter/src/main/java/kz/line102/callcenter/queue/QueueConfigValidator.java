package kz.line102.callcenter.queue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import kz.line102.callcenter.settings.SettingProblem;
import kz.line102.callcenter.settings.SettingSpec;

/** Everything wrong with a queue configuration, each at its field with a code ({@link ProblemCodes}). */
final class QueueConfigValidator {

    static final Set<String> STRATEGIES = Set.of("ringall", "leastrecent", "fewestcalls", "random", "rrmemory",
            "linear", "wrandom", "rrordered");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private QueueConfigValidator() {
    }

    /** Every violation as one English line ("field: words"), for the log and the audit. */
    static List<String> violations(QueueConfig config, Map<String, List<String>> routed) {
        return check(config, routed).stream().map(SettingSpec::sentence).toList();
    }

    /**
     * Every violation at its field ({@code queues[1].wrapUpSeconds}) with its code ({@link ProblemCodes}).
     *
     * @param routed queues the routing rules in force name, with the rules naming each: a
     *               queue still routed to cannot be removed
     */
    static List<SettingProblem> check(QueueConfig config, Map<String, List<String>> routed) {
        List<SettingProblem> v = new ArrayList<>();
        if (config == null || config.queues().isEmpty()) {
            return List.of(SettingProblem.of("queues", ProblemCodes.NO_QUEUES, "at least one queue is needed"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.queues().size(); i++) {
            QueueConfig.Queue q = config.queues().get(i);
            String at = "queues[" + i + "]";
            if (q == null) {
                v.add(SettingProblem.of(at, ProblemCodes.EMPTY_QUEUE, "queue " + (i + 1) + " is empty", i + 1));
                continue;
            }
            if (q.name() == null || !NAME.matcher(q.name()).matches() || q.name().equals("general")) {
                v.add(SettingProblem.of(at + ".name", ProblemCodes.NAME_FORMAT, "name must be 1..40 of a-z, 0-9, '-' "
                        + "and '_', starting with a letter or digit, and not 'general'"));
            } else if (!names.add(q.name())) {
                v.add(SettingProblem.of(at + ".name", ProblemCodes.NAME_TAKEN,
                        "the name '" + q.name() + "' is used by an earlier queue", q.name()));
            }
            if (q.strategy() == null || !STRATEGIES.contains(q.strategy())) {
                v.add(SettingProblem.of(at + ".strategy", ProblemCodes.STRATEGY,
                        "strategy must be one of " + new TreeSet<>(STRATEGIES), String.join(", ", new TreeSet<>(STRATEGIES))));
            }
            range(at + ".timeoutSeconds", q.timeoutSeconds(), 1, 600, v);
            range(at + ".retrySeconds", q.retrySeconds(), 0, 60, v);
            range(at + ".wrapUpSeconds", q.wrapUpSeconds(), 0, 3600, v);
            range(at + ".serviceLevelSeconds", q.serviceLevelSeconds(), 1, 3600, v);
            range(at + ".maxLen", q.maxLen(), 0, 10_000, v);
            Set<String> operators = new HashSet<>();
            for (int k = 0; k < q.members().size(); k++) {
                QueueConfig.Member m = q.members().get(k);
                String member = at + ".members[" + k + "]";
                if (m == null || m.operator() == null || !OPERATOR.matcher(m.operator()).matches()) {
                    String name = m == null ? null : m.operator();
                    v.add(SettingProblem.of(member + ".operator", ProblemCodes.MEMBER_NAME,
                            "member operator '" + name + "' is not a username", name));
                    continue;
                }
                if (!operators.add(m.operator())) {
                    v.add(SettingProblem.of(member + ".operator", ProblemCodes.MEMBER_TWICE,
                            "operator '" + m.operator() + "' is listed twice", m.operator()));
                }
                range(member + ".penalty", m.penalty(), 0, 1000, v);
            }
        }
        routed.forEach((queue, rules) -> {
            if (!names.contains(queue)) {
                v.add(SettingProblem.of("queues", ProblemCodes.STILL_ROUTED, "queue '" + queue
                        + "' is still named by the routing rules in force (" + String.join(", ", rules)
                        + "): change the rules first", queue, String.join(", ", rules)));
            }
        });
        return v;
    }

    private static void range(String field, int value, int min, int max, List<SettingProblem> v) {
        if (value < min || value > max) {
            v.add(SettingProblem.of(field, ProblemCodes.RANGE, "must be " + min + ".." + max + ", not " + value,
                    min, max, value));
        }
    }
}
