package kz.line102.cti;

/**
 * Where a call event's facts come from, strongest first. A record takes each fact from
 * its strongest source, so a guess never overwrites what the PBX reported:
 * <ul>
 * <li>{@link #OBSERVED}: an AMI event seen live, with the PBX's own timestamp;</li>
 * <li>{@link #LOGGED}: read afterwards from the PBX's durable logs (CEL, queue_log, CDR),
 *     with the time the PBX wrote there;</li>
 * <li>{@link #INFERRED}: nothing reported it: a resync, a sweep or a PBX restart implies
 *     it, and its time is that of the inference (or a bound of the real one).</li>
 * </ul>
 * Events stored before sources existed carry none: they read as {@link #OBSERVED}, or as
 * {@link #INFERRED} where their {@code observed} flag was false.
 */
public enum EventSource {
    OBSERVED, LOGGED, INFERRED;

    /** Whether this source's facts win over {@code other}'s. */
    public boolean stronger(EventSource other) {
        return other == null || ordinal() < other.ordinal();
    }

    /** The weaker of two sources. */
    public EventSource weakest(EventSource other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    static EventSource orObserved(EventSource source) {
        return source == null ? OBSERVED : source;
    }
}
