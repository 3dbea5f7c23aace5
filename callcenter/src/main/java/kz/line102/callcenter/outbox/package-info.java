/**
 * The drain of the call intake's outbox: the hand-offs written with each committed call
 * event (recording ingest, draft card, wrap-up, end of a screen-pop) run as durable jobs
 * of the job engine ({@link kz.line102.callcenter.jobs}), at least once, on any node,
 * with retries, back-off and dead letters.
 */
package kz.line102.callcenter.outbox;
