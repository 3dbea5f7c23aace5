package kz.line102.callcenter.linehealth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.line102.cti.sip.TestCallResult;

/** A test call as kept: {@code outcome} null while it runs. */
record TestCallRecord(UUID id, Instant startedAt, Instant endedAt, String trigger, String requestedBy, String outcome,
                      String detail, Integer sipStatus, String codec, Integer packetsSent, Integer packetsReceived,
                      Double lossPct, Double jitterMs, Double rttMs, List<TestCallResult.Step> steps, UUID callId) {
}
