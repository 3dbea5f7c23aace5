package kz.line102.callcenter.linehealth;

import java.time.Instant;
import java.util.List;

import kz.line102.cti.sip.SipPeer;
import kz.line102.cti.sip.Transport;

/**
 * A SIP peer probed with OPTIONS as the target set in force names it, with the latest
 * view of its owner node. {@code version} counts the changes of this target's own
 * settings; the hysteresis fields are null where the configuration's defaults apply.
 */
record Target(long id, String name, String host, int port, String transport, int intervalMs, int timeoutMs,
              List<Integer> expectedCodes, boolean enabled, int version, Instant updatedAt, TargetState state,
              Instant stateSince, int failStreak, int okStreak, Instant lastProbeAt, String lastOutcome,
              Integer lastStatus, Double lastRttMs, String lastDetail, Instant lastFailureAt,
              Integer failuresToDown, Integer successesToUp, Integer degradedWindow, Integer slowRttMs) {

    SipPeer peer() {
        return new SipPeer(host, port, Transport.of(transport));
    }

    /** What a change of the target's settings compares (state columns left out). */
    boolean sameProbe(Target other) {
        return other != null && host.equals(other.host) && port == other.port && transport.equals(other.transport)
                && intervalMs == other.intervalMs && timeoutMs == other.timeoutMs
                && expectedCodes.equals(other.expectedCodes) && version == other.version;
    }
}
