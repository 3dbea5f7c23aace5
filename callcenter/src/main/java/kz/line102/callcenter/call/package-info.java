/**
 * Calls: intake of the bridge's call events, the call record projected from them,
 * its storage, and the {@code /api/v1/calls} API. The intake acknowledges only what it
 * stored (store outages are retried, poison entries set aside after a bounded number of
 * tries), and writes the work that must follow a call to its outbox in the same
 * transaction ({@code CallOutbox}, drained by the {@code outbox} feature).
 */
package kz.line102.callcenter.call;
