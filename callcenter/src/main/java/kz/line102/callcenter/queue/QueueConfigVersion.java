package kz.line102.callcenter.queue;

import java.time.Instant;
import java.util.List;

/** One saved version of the queue configuration: who, when, why, and what changed against the one before. */
public record QueueConfigVersion(int version, QueueConfig config, String createdBy, Instant createdAt, String action,
                                 String comment, Integer restoredFrom, List<String> changes) {
}
