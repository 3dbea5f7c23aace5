package kz.line102.cti.ami;

import java.time.Instant;

/**
 * This node holds the AMI link of {@code pbx} again and has squared its calls with the
 * PBX (the resync after login succeeded): the moment to reconcile what the link could
 * not see (the PBX's own logs) and to repair what a PBX restart lost (queue members).
 * Only the link holder announces it, once per session.
 *
 * @param cause          why a session began: the first after start, a reconnect of the holder,
 *                       or a takeover from another node whose lease ran out
 * @param pbxRestarted   the PBX restarted since the previous session this node saw (a
 *                       {@code Shutdown} event, or a changed start time in {@code CoreStatus})
 * @param pbxStartedAt   the PBX's start time as CoreStatus gives it ("2026-12-04 06:51:58"), or null
 * @param lostAt         when this node's previous session ended (null at the first one): the gap began then
 */
public record AmiLinkConnected(String pbx, Instant at, Cause cause, boolean pbxRestarted, String pbxStartedAt,
                               Instant lostAt) {

    public enum Cause { START, RECONNECT, TAKEOVER }
}
