/**
 * Content-based routing of registered cards to the duty officer: every registered card
 * gets an {@code alert} job, and {@link kz.line102.callcenter.incident.alerting.IncidentAlertRoutes}
 * decides by the card's type whether it raises an immediate alert (serious and
 * especially serious offences, mass disorder, emergencies) or passes through.
 */
package kz.line102.callcenter.incident.alerting;
