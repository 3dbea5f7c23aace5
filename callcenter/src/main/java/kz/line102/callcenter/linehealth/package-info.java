/**
 * Line health: is 102 reachable right now? SIP OPTIONS probes to the PBX and each trunk
 * IT staff list as targets (kept in PostgreSQL, changed over the API and audited),
 * each target's state ({@code up}, {@code degraded}, {@code down}) with hysteresis,
 * the probes' time series, synthetic test calls to the test number, and an alert once
 * per incident (a target down, test calls failing) through the alert machinery,
 * cleared when the condition ends. The SIP user agent itself is {@code cti.sip}.
 * The page {@code /line-health} and its API {@code /api/v1/line-health} belong here.
 */
package kz.line102.callcenter.linehealth;
