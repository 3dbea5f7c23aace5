package kz.line102.callcenter.install.preflight;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The start-up preflight in {@code /actuator/health} as {@code preflight}. A failed finding is
 * {@code PREFLIGHT_FAILED}, never DOWN: a wrong setting (a FastAGI port, Redis without AOF) is
 * for IT staff to repair, and a load balancer that dropped every node for it would take the
 * call centre down over a configuration warning. Boot's status aggregation only knows
 * DOWN, OUT_OF_SERVICE, UP and UNKNOWN, so this status does not change the node's overall one,
 * and the HTTP status of a custom status is 200.
 */
final class PreflightHealth implements HealthIndicator {

    static final Status FAILED = new Status("PREFLIGHT_FAILED", "a preflight check failed: see the details");

    private final Preflight preflight;

    PreflightHealth(Preflight preflight) {
        this.preflight = preflight;
    }

    @Override
    public Health health() {
        PreflightReport report = preflight.latest();
        if (report == null) {
            return Health.up().withDetail("state", "not run yet").build();
        }
        Health.Builder b = report.failed() ? Health.status(FAILED) : Health.up();
        b.withDetail("at", report.at().toString());
        for (Finding f : report.findings()) {
            if (f.status() != Finding.Status.OK) {
                b.withDetail(f.id(), f.status().code() + ": " + preflight.texts().message(f, java.util.Locale.ENGLISH));
            }
        }
        return b.withDetail("ok", report.count(Finding.Status.OK)).build();
    }
}
