package kz.line102.callcenter.queue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Everything wrong with a queue configuration, each as one sentence naming the queue. */
final class QueueConfigValidator {

    static final Set<String> STRATEGIES = Set.of("ringall", "leastrecent", "fewestcalls", "random", "rrmemory",
            "linear", "wrandom", "rrordered");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private QueueConfigValidator() {
    }

    /**
     * @param routed queues the routing rules in force name, with the rules naming each: a
     *               queue still routed to cannot be removed
     */
    static List<String> violations(QueueConfig config, Map<String, List<String>> routed) {
        List<String> v = new ArrayList<>();
        if (config == null || config.queues().isEmpty()) {
            return List.of("at least one queue is needed");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.queues().size(); i++) {
            QueueConfig.Queue q = config.queues().get(i);
            if (q == null) {
                v.add("queue " + (i + 1) + " is empty");
                continue;
            }
            String label = "queue " + (i + 1) + " '" + q.name() + "'";
            if (q.name() == null || !NAME.matcher(q.name()).matches() || q.name().equals("general")) {
                v.add(label + ": name must be 1..40 of a-z, 0-9, '-' and '_', starting with a letter or digit, "
                        + "and not 'general'");
            } else if (!names.add(q.name())) {
                v.add(label + ": the name is used by an earlier queue");
            }
            if (q.strategy() == null || !STRATEGIES.contains(q.strategy())) {
                v.add(label + ": strategy must be one of " + new java.util.TreeSet<>(STRATEGIES));
            }
            range(label, "timeoutSeconds", q.timeoutSeconds(), 1, 600, v);
            range(label, "retrySeconds", q.retrySeconds(), 0, 60, v);
            range(label, "wrapUpSeconds", q.wrapUpSeconds(), 0, 3600, v);
            range(label, "serviceLevelSeconds", q.serviceLevelSeconds(), 1, 3600, v);
            range(label, "maxLen", q.maxLen(), 0, 10_000, v);
            Set<String> operators = new HashSet<>();
            for (QueueConfig.Member m : q.members()) {
                if (m == null || m.operator() == null || !OPERATOR.matcher(m.operator()).matches()) {
                    v.add(label + ": member operator '" + (m == null ? null : m.operator())
                            + "' is not a username");
                    continue;
                }
                if (!operators.add(m.operator())) {
                    v.add(label + ": operator '" + m.operator() + "' is listed twice");
                }
                range(label, "penalty of '" + m.operator() + "'", m.penalty(), 0, 1000, v);
            }
        }
        routed.forEach((queue, rules) -> {
            if (!names.contains(queue)) {
                v.add("queue '" + queue + "' is still named by the routing rules in force (" + String.join(", ", rules)
                        + "): change the rules first");
            }
        });
        return v;
    }

    private static void range(String label, String field, int value, int min, int max, List<String> v) {
        if (value < min || value > max) {
            v.add(label + ": " + field + " must be " + min + ".." + max + ", not " + value);
        }
    }
}
