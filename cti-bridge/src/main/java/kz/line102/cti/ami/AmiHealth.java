package kz.line102.cti.ami;

import java.time.Instant;

/**
 * The AMI link as health checks and the IT staff's page see it.
 *
 * @param since       when the link entered {@code state}
 * @param lastError   the last failure (login refused, connection lost, resync failed…), or null
 * @param reconnects  reconnect attempts scheduled since start
 * @param activeCalls calls the tracker holds now
 * @param standby     another node holds this PBX's AMI link under the lease (Redis said so); this one
 *                    waits to take over. False while the lease is undecided (Redis away at start): DOWN
 */
public record AmiHealth(String pbx, AmiLinkState state, Instant since, String lastError, Instant lastErrorAt,
                        long reconnects, int activeCalls, boolean standby) {

    public boolean connected() {
        return state == AmiLinkState.CONNECTED;
    }

    /** {@code holder} (this node reads the PBX's events) or {@code standby}. */
    public String role() {
        return standby ? "standby" : "holder";
    }
}
