package kz.line102.callcenter.queue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How loaded a queue is now, for the rules' {@code queueLoad} condition. Read on every
 * routing request, so implementations answer from memory.
 */
public interface QueueLoad {

    Load of(String queue);

    /** Calls waiting in a queue and how long the longest of them has waited. */
    record Load(int waiting, Duration longestWait) {
        public static final Load EMPTY = new Load(0, Duration.ZERO);
    }

    /**
     * Held in memory and fed by the queue feature (queue.QueueLoadFeed) from the waiting
     * lists all nodes share in Redis; a queue not fed reads as empty.
     */
    final class InMemory implements QueueLoad {

        private final Map<String, Load> loads = new ConcurrentHashMap<>();

        @Override
        public Load of(String queue) {
            return loads.getOrDefault(queue, Load.EMPTY);
        }

        public void update(String queue, Load load) {
            loads.put(queue, load);
        }
    }
}
