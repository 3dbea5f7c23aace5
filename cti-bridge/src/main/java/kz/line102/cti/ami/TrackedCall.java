package kz.line102.cti.ami;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.line102.cti.CallId;

/**
 * What the bridge remembers of one live call, keyed by its Linkedid. Mutated only on the
 * call's lane; the two activity fields are read by the sweeper and the resync from
 * another thread, hence volatile.
 */
final class TrackedCall {

    final String linkedId;
    final CallId callId;
    /** The caller's channel: the one whose Uniqueid is the Linkedid. */
    final String callerUniqueId;
    /** MixMonitor file names announced by VarSet, per channel, not yet started. */
    final Map<String, String> announcedFiles = new HashMap<>();
    /** Recordings running, per channel, in start order. */
    final Map<String, String> recordings = new LinkedHashMap<>();
    /** Per event type, how many were seen: the fallback for ids when the PBX sends no Timestamp. */
    final Map<String, Integer> ordinals = new HashMap<>();
    volatile long lastReceivedNanos;
    volatile long lastActivityNanos;

    TrackedCall(String linkedId, CallId callId, long receivedNanos) {
        this.linkedId = linkedId;
        this.callId = callId;
        this.callerUniqueId = linkedId;
        touch(receivedNanos);
    }

    void touch(long receivedNanos) {
        lastReceivedNanos = Math.max(lastReceivedNanos, receivedNanos);
        lastActivityNanos = System.nanoTime();
    }

    int nextOrdinal(String type) {
        return ordinals.merge(type, 1, Integer::sum);
    }
}
