package kz.line102.callcenter.stats;

import java.util.Arrays;

/**
 * The additive counts of a set of calls: what an interval row keeps, what a period sums.
 * Every ratio and average is derived from these by {@link Figures}, never stored, so a
 * period of any length gets the same definition as a single call. Not thread-safe.
 */
public final class Tally {

    long offered;
    long answered;
    long abandonedInQueue;
    long abandonedRinging;
    long abandonedBeforeQueue;
    long timedOut;
    long failed;
    long inProgress;
    long answerWaitSum;
    long abandonWaitSum;
    long waitMax;
    long talkSum;
    long wrapUpSum;
    long wrapUpCount;
    long repeats;
    long abandonedCalledBack;
    long abandonedCalledBackAnswered;
    final long[] answeredWaits = new long[WaitBins.COUNT];
    final long[] abandonedWaits = new long[WaitBins.COUNT];

    public static Tally of(Iterable<CallFact> facts) {
        Tally t = new Tally();
        for (CallFact f : facts) {
            t.add(f);
        }
        return t;
    }

    public Tally add(CallFact f) {
        offered++;
        if (f.repeat()) {
            repeats++;
        }
        switch (f.kind()) {
            case ANSWERED -> {
                answered++;
                answerWaitSum += f.waitSeconds();
                answeredWaits[WaitBins.bin(f.waitSeconds())]++;
                waitMax = Math.max(waitMax, f.waitSeconds());
                talkSum += f.talkSeconds();
                if (f.wrapUpSeconds() != null) {
                    wrapUpSum += f.wrapUpSeconds();
                    wrapUpCount++;
                }
            }
            case ABANDONED_IN_QUEUE, ABANDONED_RINGING -> {
                if (f.kind() == CallFact.Kind.ABANDONED_RINGING) {
                    abandonedRinging++;
                } else {
                    abandonedInQueue++;
                }
                abandonWaitSum += f.waitSeconds();
                abandonedWaits[WaitBins.bin(f.waitSeconds())]++;
                waitMax = Math.max(waitMax, f.waitSeconds());
                calledBack(f);
            }
            case ABANDONED_BEFORE_QUEUE -> {
                abandonedBeforeQueue++;
                calledBack(f);
            }
            case TIMED_OUT -> {
                timedOut++;
                waitMax = Math.max(waitMax, f.waitSeconds());
            }
            case FAILED -> failed++;
            case IN_PROGRESS -> inProgress++;
            default -> throw new IllegalStateException("unknown kind " + f.kind());
        }
        return this;
    }

    private void calledBack(CallFact f) {
        if (f.calledBack()) {
            abandonedCalledBack++;
        }
        if (f.calledBackAnswered()) {
            abandonedCalledBackAnswered++;
        }
    }

    public Tally merge(Tally o) {
        offered += o.offered;
        answered += o.answered;
        abandonedInQueue += o.abandonedInQueue;
        abandonedRinging += o.abandonedRinging;
        abandonedBeforeQueue += o.abandonedBeforeQueue;
        timedOut += o.timedOut;
        failed += o.failed;
        inProgress += o.inProgress;
        answerWaitSum += o.answerWaitSum;
        abandonWaitSum += o.abandonWaitSum;
        waitMax = Math.max(waitMax, o.waitMax);
        talkSum += o.talkSum;
        wrapUpSum += o.wrapUpSum;
        wrapUpCount += o.wrapUpCount;
        repeats += o.repeats;
        abandonedCalledBack += o.abandonedCalledBack;
        abandonedCalledBackAnswered += o.abandonedCalledBackAnswered;
        for (int i = 0; i < WaitBins.COUNT; i++) {
            answeredWaits[i] += o.answeredWaits[i];
            abandonedWaits[i] += o.abandonedWaits[i];
        }
        return this;
    }

    /** The counters in the order of the interval table's columns (see JdbcIntervals). */
    long[] scalars() {
        return new long[] {offered, answered, abandonedInQueue, abandonedRinging, abandonedBeforeQueue, timedOut,
            failed, inProgress, answerWaitSum, abandonWaitSum, waitMax, talkSum, wrapUpSum, wrapUpCount, repeats,
            abandonedCalledBack, abandonedCalledBackAnswered};
    }

    static final String[] SCALAR_COLUMNS = {"offered", "answered", "abandoned_in_queue", "abandoned_ringing",
        "abandoned_before_queue", "timed_out", "failed", "in_progress", "answer_wait_sum", "abandon_wait_sum",
        "wait_max", "talk_sum", "wrap_up_sum", "wrap_up_count", "repeats", "abandoned_called_back",
        "abandoned_called_back_answered"};

    static Tally fromScalars(long[] v, long[] answeredBins, long[] abandonedBins) {
        Tally t = new Tally();
        int i = 0;
        t.offered = v[i++];
        t.answered = v[i++];
        t.abandonedInQueue = v[i++];
        t.abandonedRinging = v[i++];
        t.abandonedBeforeQueue = v[i++];
        t.timedOut = v[i++];
        t.failed = v[i++];
        t.inProgress = v[i++];
        t.answerWaitSum = v[i++];
        t.abandonWaitSum = v[i++];
        t.waitMax = v[i++];
        t.talkSum = v[i++];
        t.wrapUpSum = v[i++];
        t.wrapUpCount = v[i++];
        t.repeats = v[i++];
        t.abandonedCalledBack = v[i++];
        t.abandonedCalledBackAnswered = v[i];
        System.arraycopy(answeredBins, 0, t.answeredWaits, 0, WaitBins.COUNT);
        System.arraycopy(abandonedBins, 0, t.abandonedWaits, 0, WaitBins.COUNT);
        return t;
    }

    @Override
    public String toString() {
        return "Tally" + Arrays.toString(scalars());
    }
}
