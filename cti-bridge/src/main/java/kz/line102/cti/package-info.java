/**
 * The bridge's public face: the sealed {@link kz.line102.cti.CallEvent} family that
 * every other module sees, project ids, and the sink interface events are handed to.
 * Nothing here names an Asterisk type: Uniqueid and Linkedid stay in {@code cti.ami}.
 */
package kz.line102.cti;
