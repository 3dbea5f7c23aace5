package kz.line102.callcenter.stats;

import java.time.Instant;
import java.util.List;

/**
 * One call as the statistics see it, read from its record and events ({@code JdbcCallFacts}).
 * Test calls never become facts.
 *
 * @param queue        the queue it reached; empty when it never reached one
 * @param operator     who answered: the signed-in user, else {@code ext:<extension>}
 * @param waitSeconds  the PBX's hold time (queue join to answer or abandon)
 * @param wrapUpSeconds the answering operator's wrap-up after this call; null if none was recorded
 * @param ringNoAnswer the operators (as {@link #operator}) who were rung and did not answer
 * @param repeat       the same number called within the repeat window before this call
 * @param calledBack   for an abandon: the same number was in a later call within the call-back window
 * @param calledBackAnswered for an abandon: such a later call was answered
 */
public record CallFact(String id, String queue, String operator, String number, Instant offeredAt,
                      Kind kind, int waitSeconds, int talkSeconds, Integer wrapUpSeconds,
                      List<String> ringNoAnswer, boolean repeat, boolean calledBack, boolean calledBackAnswered) {

    /** What became of the call; exactly one per call. */
    public enum Kind {
        ANSWERED,
        /** the caller hung up while waiting in the queue, no phone ringing */
        ABANDONED_IN_QUEUE,
        /** the caller hung up while an operator's phone was ringing */
        ABANDONED_RINGING,
        /** the caller hung up before reaching a queue (greeting, routing) */
        ABANDONED_BEFORE_QUEUE,
        /** the queue gave up (its timeout) and the call left it unanswered */
        TIMED_OUT,
        /** the network or the PBX failed the call */
        FAILED,
        /** not ended yet */
        IN_PROGRESS;

        boolean abandonedInQueue() {
            return this == ABANDONED_IN_QUEUE || this == ABANDONED_RINGING;
        }
    }

    public CallFact {
        queue = queue == null ? "" : queue;
        ringNoAnswer = ringNoAnswer == null ? List.of() : List.copyOf(ringNoAnswer);
    }
}
