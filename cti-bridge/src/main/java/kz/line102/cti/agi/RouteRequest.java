package kz.line102.cti.agi;

import kz.line102.cti.CallId;

/**
 * What Asterisk tells the routing service about a call, as it sent it: any field but
 * {@code callId} may be null or hold garbage (a withheld caller id arrives as
 * {@code unknown} or nothing), and the decider must cope.
 *
 * @param callId       the call's project id (from the first channel's Uniqueid, which is the call's Linkedid)
 * @param callerNumber the caller id number exactly as the network sent it
 * @param language     the channel's language ({@code CHANNEL(language)}), e.g. {@code en}, {@code kk}, {@code ru}
 * @param context      the dialplan context the AGI ran in
 * @param extension    the dialled extension
 */
public record RouteRequest(CallId callId, String callerNumber, String language, String context, String extension) {
}
