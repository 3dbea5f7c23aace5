package kz.line102.callcenter.queue;

import java.util.List;
import java.util.Optional;

/**
 * The queues app_queue runs, as IT staff configure them; the format of
 * {@code GET/PUT /api/v1/queues/config} and of the bundled default.
 */
public record QueueConfig(List<Queue> queues) {

    public QueueConfig {
        queues = queues == null ? List.of() : List.copyOf(queues);
    }

    /**
     * One queue.
     *
     * @param strategy            app_queue's strategy (linear, ringall, rrmemory, leastrecent, ...)
     * @param timeoutSeconds      how long a member's phone rings before the next is tried
     * @param retrySeconds        pause before trying the members again
     * @param wrapUpSeconds       after each answered call from this queue the operator is in wrap-up
     *                            (paused) this long, then ready again unless they paused; 0: none
     * @param serviceLevelSeconds a call answered within this counts as in service level
     * @param maxLen              most callers waiting (0: no limit)
     * @param everyOperator       every operator who signs in joins this queue (penalty 0 unless listed)
     * @param members             operators (usernames) who join this queue when they sign in, with penalty
     */
    public record Queue(String name, String strategy, int timeoutSeconds, int retrySeconds, int wrapUpSeconds,
                        int serviceLevelSeconds, int maxLen, boolean everyOperator, List<Member> members) {

        public Queue {
            members = members == null ? List.of() : List.copyOf(members);
        }

        /** The penalty an operator joins with, or empty when they do not join this queue. */
        public Optional<Integer> penaltyOf(String username) {
            return members.stream().filter(m -> m.operator() != null && m.operator().equals(username))
                    .map(Member::penalty).findFirst().or(() -> everyOperator ? Optional.of(0) : Optional.empty());
        }
    }

    /** An operator's penalty in a queue: app_queue rings lower penalties first. */
    public record Member(String operator, int penalty) {
    }

    public Optional<Queue> queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return queues.stream().map(Queue::name).toList();
    }
}
