package kz.line102.cti.replay;

/**
 * Told about each played event right after it was flushed to the clients. Runs on
 * the scheduler thread: keep it to a few counters, or the replay slows down.
 */
@FunctionalInterface
public interface ReplayEventListener {

    /**
     * @param instance    the call the event belongs to
     * @param eventName   the AMI event name, e.g. {@code AgentConnect}
     * @param nanoTime    {@link System#nanoTime()} just after the flush
     * @param epochMicros the wall-clock time written in the event's Timestamp
     */
    void eventWritten(ReplayHandle instance, String eventName, long nanoTime, long epochMicros);
}
