package kz.line102.cti.replay;

/**
 * The scheduler's view of one playing call: where it is and when its next event
 * is due. Touched only by the scheduler thread after submission.
 */
final class ReplayInstance {

    final ReplayHandle handle;
    final Scenario scenario;
    final byte[][] values;
    final double pace;
    /** Paced: the nanoTime of the first event. Unpaced: a virtual time in micros, only for ordering. */
    final long start;
    final long seq;
    int next;
    /** Events this play leaves out (null: none), see {@link MemberHonouringPlay}. */
    private boolean[] skip;
    /** {@link #dueKey()} of the next event, cached so the priority queue compares plain longs. */
    long key;

    ReplayInstance(ReplayHandle handle, Scenario scenario, byte[][] values, double pace, long start, long seq) {
        this.handle = handle;
        this.scenario = scenario;
        this.values = values;
        this.pace = pace;
        this.start = start;
        this.seq = seq;
    }

    /** Leaves the marked events out; called before the instance is submitted. */
    void skip(boolean[] events) {
        this.skip = events;
        skipLeftOut();
    }

    /** Moves past the current event, and past every left-out event after it. */
    void advance() {
        next++;
        skipLeftOut();
    }

    private void skipLeftOut() {
        while (skip != null && next < skip.length && skip[next]) {
            next++;
        }
    }

    boolean paced() {
        return pace > 0;
    }

    boolean finished() {
        return next >= scenario.eventCount();
    }

    EventTemplate nextEvent() {
        return scenario.events().get(next);
    }

    /** Paced: nanoTime the next event is due. Unpaced: its virtual time, which orders overlapping calls. */
    long dueKey() {
        long offset = nextEvent().offsetMicros();
        return paced() ? start + (long) (offset * 1000.0 / pace) : start + offset;
    }
}
