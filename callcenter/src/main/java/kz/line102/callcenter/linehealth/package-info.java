/**
 * Line health: is 102 reachable right now? SIP OPTIONS probes to the PBX and each trunk
 * IT staff list as targets (the targets and the test-call schedule are one versioned
 * setting, {@code line-health-targets}, of the {@code settings} module: validated,
 * versioned, restorable, audited and put in force on every node without a restart),
 * each target's state ({@code up}, {@code degraded}, {@code down}) with hysteresis,
 * the probes' time series, synthetic test calls to the test number, and an alert once
 * per incident (a target down, test calls failing) through the alert machinery,
 * cleared when the condition ends. The SIP user agent itself is {@code cti.sip}.
 * The page {@code /line-health} and its API {@code /api/v1/line-health} belong here.
 */
package kz.line102.callcenter.linehealth;
