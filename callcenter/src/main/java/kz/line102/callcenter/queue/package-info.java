/**
 * app_queue's queues and the operators in them: the queue configuration IT staff manage
 * (versioned, audited, rendered as queues.conf), operator states (ready, paused with a
 * reason, wrap-up) sent to the PBX over the bridge's {@link kz.line102.cti.QueueControl}
 * and reconciled with its QueueStatus, the live queue load the routing rules read, and
 * the supervisors' wallboard.
 */
package kz.line102.callcenter.queue;
