/**
 * The job engine's dead letters as IT staff see them: every job of every
 * step parked as dead in {@code incident_jobs}, with its error, attempts and card, on
 * the {@code /admin/dead-letters} page and its API, and the replay that puts one back
 * in line.
 */
package kz.line102.callcenter.incident.deadletter;
