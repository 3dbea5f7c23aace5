/**
 * Export of registered cards to external registries (the ERDR and others) as NENA/EENA
 * EIDO JSON: the document ({@link kz.line102.callcenter.incident.export.EidoDocuments}),
 * the configured targets, the {@code export} jobs enqueued when a card is registered
 * (and again when it is closed), and the Camel routes that send them over HTTP or drop
 * them as files, with retries, an idempotent consumer and the dead-letter store of the
 * job table.
 */
package kz.line102.callcenter.incident.export;
