/**
 * Incident cards: the draft opened when an operator answers, its validation, the
 * audited lifecycle (draft to closed), KUI registration numbers, repeat calls linked
 * to an open card, and the flows of a card (registration, alerting, export) that run on
 * the job engine ({@link kz.line102.callcenter.jobs}). Other features hook in through
 * {@link kz.line102.callcenter.incident.IncidentEditGuard} and
 * {@link kz.line102.callcenter.incident.IncidentTransitionListener}.
 */
package kz.line102.callcenter.incident;
