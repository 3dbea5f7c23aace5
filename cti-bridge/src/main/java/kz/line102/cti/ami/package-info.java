/**
 * The Asterisk Manager Interface adapter: the only place asterisk-java's manager types
 * appear. {@link kz.line102.cti.ami.AmiConnector} owns the link (login, capped
 * exponential reconnect with jitter, resync from {@code CoreShowChannels} and
 * {@code QueueStatus}, health and metrics); a guard in front of asterisk-java's parser
 * drops malformed and irrelevant input before it costs anything; per-call serial lanes
 * keep work off asterisk-java's threads; the translator and tracker turn AMI events into
 * {@link kz.line102.cti.CallEvent}s correlated by Linkedid. Uniqueid and Linkedid do not
 * leave this package.
 */
package kz.line102.cti.ami;
