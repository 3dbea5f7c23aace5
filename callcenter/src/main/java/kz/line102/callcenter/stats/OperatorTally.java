package kz.line102.callcenter.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * One operator's additive counts (per queue for the calls, across queues for the time):
 * see docs/statistics.md for the figures derived from them. Not thread-safe.
 */
public final class OperatorTally {

    long answered;
    long ringNoAnswer;
    long answerWaitSum;
    long talkSum;
    long wrapUpSum;
    long wrapUpCount;
    long signedIn;
    long ready;
    long wrapUp;
    long paused;
    final Map<String, Long> pausedByReason = new TreeMap<>();

    void answered(CallFact f) {
        answered++;
        answerWaitSum += f.waitSeconds();
        talkSum += f.talkSeconds();
        if (f.wrapUpSeconds() != null) {
            wrapUpSum += f.wrapUpSeconds();
            wrapUpCount++;
        }
    }

    OperatorTally merge(OperatorTally o) {
        answered += o.answered;
        ringNoAnswer += o.ringNoAnswer;
        answerWaitSum += o.answerWaitSum;
        talkSum += o.talkSum;
        wrapUpSum += o.wrapUpSum;
        wrapUpCount += o.wrapUpCount;
        signedIn += o.signedIn;
        ready += o.ready;
        wrapUp += o.wrapUp;
        paused += o.paused;
        o.pausedByReason.forEach((k, v) -> pausedByReason.merge(k, v, Long::sum));
        return this;
    }

    /**
     * @param occupancy percent of signed-in time spent talking or in wrap-up (state time), null when never signed in
     * @param aht       (talk + wrap-up after the calls) ÷ answered, seconds
     */
    public record Figures(String operator, long answered, long ringNoAnswer, Double asa, long talk,
                          long wrapUpAfterCalls, Double aht, long signedIn, long ready, long wrapUp, long paused,
                          Map<String, Long> pausedByReason, Double occupancy) {
    }

    public Figures figures(String operator) {
        long busy = talkSum + wrapUp;
        return new Figures(operator, answered, ringNoAnswer, answered == 0 ? null : (double) answerWaitSum / answered,
                talkSum, wrapUpSum, answered == 0 ? null : (double) (talkSum + wrapUpSum) / answered, signedIn, ready,
                wrapUp, paused, Map.copyOf(pausedByReason),
                signedIn == 0 ? null : Math.min(100.0, 100.0 * busy / signedIn));
    }
}
