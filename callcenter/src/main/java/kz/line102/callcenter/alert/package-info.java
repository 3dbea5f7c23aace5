/**
 * Alerts to the duty officer: raised once per condition by whatever sees it (a serious
 * incident registered, a unit late on scene), kept in PostgreSQL until a supervisor
 * acknowledges them, pushed to every supervisor's screen over {@code /ws/alerts} on
 * every node, and delivered to a configurable outbound endpoint with durable retries.
 */
package kz.line102.callcenter.alert;
