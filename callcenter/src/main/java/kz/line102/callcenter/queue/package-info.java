/**
 * app_queue's queues: the queue configuration IT staff manage (a versioned setting of the
 * {@code settings} module, rendered as queues.conf), the PBX's latest QueueStatus, the
 * live queue load the routing rules read, and the supervisors' wallboard. Who is in a
 * queue and in what state is the operator feature's.
 */
package kz.line102.callcenter.queue;
