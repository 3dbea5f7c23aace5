package kz.line102.cti.ami;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls the bridge knows are live, by Linkedid, and the ones that ended recently
 * (so a resync that raced with a Hangup does not bring an ended call back). Each entry is
 * changed only on its call's lane; the maps themselves are shared with the resync and
 * the sweeper.
 */
final class CallTracker {

    private final ConcurrentHashMap<String, TrackedCall> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> ended = new ConcurrentHashMap<>();

    TrackedCall get(String linkedId) {
        return calls.get(linkedId);
    }

    void put(TrackedCall call) {
        calls.put(call.linkedId, call);
    }

    void forget(TrackedCall call) {
        calls.remove(call.linkedId, call);
        ended.put(call.linkedId, System.nanoTime());
    }

    boolean recentlyEnded(String linkedId) {
        return ended.containsKey(linkedId);
    }

    Collection<TrackedCall> calls() {
        return List.copyOf(calls.values());
    }

    int size() {
        return calls.size();
    }

    /** Forgets ended-call markers older than {@code ageNanos}; returns how many went. */
    int pruneEnded(long ageNanos) {
        long now = System.nanoTime();
        int before = ended.size();
        ended.values().removeIf(at -> now - at > ageNanos);
        return before - ended.size();
    }
}
