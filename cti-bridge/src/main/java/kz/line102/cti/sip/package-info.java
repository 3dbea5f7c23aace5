/**
 * A small SIP user agent on JAIN-SIP (Jitsi's build of the NIST stack) that asks
 * whether the line is reachable: OPTIONS probes (RFC 3261 §11) to the PBX and its
 * trunks, and synthetic test calls (INVITE with a PCMU offer, RTP sent and its echo
 * measured, BYE). It knows nothing of targets' schedules, states or alarms: the
 * application decides when to probe and what a result means. One {@link
 * kz.line102.cti.sip.SipAgent} owns the stack, its ports and every transaction in
 * flight, bounded and released on close.
 */
package kz.line102.cti.sip;
