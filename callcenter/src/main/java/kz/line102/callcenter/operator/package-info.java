/**
 * Operators at their workstations: the desks and the phone (SIP extension, queue member
 * interface) each is bound to, signing in and out, and the record of who sat where when;
 * their states (ready, paused with a reason, wrap-up) sent to the PBX over the bridge's
 * {@link kz.line102.cti.QueueControl}, reconciled with its QueueStatus and restored after
 * a PBX restart.
 */
package kz.line102.callcenter.operator;
