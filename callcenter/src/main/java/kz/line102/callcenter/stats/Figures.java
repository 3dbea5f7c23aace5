package kz.line102.callcenter.stats;

/**
 * Every figure of a set of calls, as docs/statistics.md defines it. Built only from a
 * {@link Tally}, so live windows, history and exports can never disagree.
 *
 * @param serviceLevelSeconds T: answered within T counts as in time (a band edge, see {@link WaitBins})
 * @param shortAbandonSeconds S: an abandon in the queue after less than S seconds is short
 * @param abandoned           abandons in the queue (waiting or ringing) that were not short
 * @param serviceLevel        percent, answered within T ÷ (answered + abandoned after T + timed out);
 *                            null when that divisor is 0
 */
public record Figures(int serviceLevelSeconds, int shortAbandonSeconds,
                      long offered, long answered, long abandoned, long abandonedInQueue, long abandonedRinging,
                      long abandonedBeforeQueue, long shortAbandoned, long timedOut, long failed, long inProgress,
                      long answeredWithin, long abandonedAfter, Double serviceLevel, Double abandonRate,
                      Double asa, Double averageAbandonWait, Integer p90AbandonWait, Double aht,
                      Double averageTalk, Double averageWrapUp, long longestWait, long repeats,
                      long abandonedCalledBack, long abandonedCalledBackAnswered) {

    public static Figures of(Tally t, int serviceLevelSeconds, int shortAbandonSeconds) {
        if (!WaitBins.isEdge(serviceLevelSeconds) || !WaitBins.isEdge(shortAbandonSeconds - 1)
                && shortAbandonSeconds != 0) {
            throw new IllegalArgumentException("thresholds must be band edges: T=" + serviceLevelSeconds + ", S="
                    + shortAbandonSeconds);
        }
        long answeredWithin = WaitBins.atMost(t.answeredWaits, serviceLevelSeconds);
        long abandonedQueue = t.abandonedInQueue + t.abandonedRinging;
        long abandonedAfter = abandonedQueue - WaitBins.atMost(t.abandonedWaits, serviceLevelSeconds);
        long shortAbandoned = shortAbandonSeconds == 0 ? 0 : WaitBins.atMost(t.abandonedWaits, shortAbandonSeconds - 1);
        long divisor = t.answered + abandonedAfter + t.timedOut;
        Double sl = divisor == 0 ? null : 100.0 * answeredWithin / divisor;
        long ended = t.answered + abandonedQueue - shortAbandoned + t.timedOut;
        return new Figures(serviceLevelSeconds, shortAbandonSeconds, t.offered, t.answered,
                abandonedQueue - shortAbandoned, t.abandonedInQueue, t.abandonedRinging, t.abandonedBeforeQueue,
                shortAbandoned, t.timedOut, t.failed, t.inProgress, answeredWithin, abandonedAfter, sl,
                ended == 0 ? null : 100.0 * (abandonedQueue - shortAbandoned) / ended,
                avg(t.answerWaitSum, t.answered), avg(t.abandonWaitSum, abandonedQueue),
                WaitBins.percentile(t.abandonedWaits, 90),
                t.answered == 0 ? null : (double) (t.talkSum + t.wrapUpSum) / t.answered,
                avg(t.talkSum, t.answered), avg(t.wrapUpSum, t.wrapUpCount), t.waitMax, t.repeats,
                t.abandonedCalledBack, t.abandonedCalledBackAnswered);
    }

    private static Double avg(long sum, long n) {
        return n == 0 ? null : (double) sum / n;
    }
}
