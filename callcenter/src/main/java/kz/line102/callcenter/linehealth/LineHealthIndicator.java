package kz.line102.callcenter.linehealth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code lineHealth} in {@code /actuator/health}: each enabled target's state. A trunk
 * down is the PBX's trouble, not this node's, so the status is {@code LINE_DOWN} or
 * {@code LINE_DEGRADED}, which the health aggregate (and a load balancer) ignores;
 * IT staff read the details.
 */
@Component("lineHealth")
class LineHealthIndicator implements HealthIndicator {

    static final Status LINE_DOWN = new Status("LINE_DOWN", "a line-health target is down");
    static final Status LINE_DEGRADED = new Status("LINE_DEGRADED", "a line-health target is degraded");

    private final JdbcTargetRepository targets;

    LineHealthIndicator(JdbcTargetRepository targets) {
        this.targets = targets;
    }

    @Override
    public Health health() {
        List<Target> enabled = targets.all().stream().filter(Target::enabled).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean down = false;
        boolean degraded = false;
        for (Target t : enabled) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("state", t.state().code());
            d.put("since", String.valueOf(t.stateSince()));
            d.put("rttMs", t.lastRttMs());
            d.put("lastOutcome", t.lastOutcome());
            details.put(t.name(), d);
            down |= t.state() == TargetState.DOWN;
            degraded |= t.state() == TargetState.DEGRADED;
        }
        Status status = down ? LINE_DOWN : degraded ? LINE_DEGRADED : Status.UP;
        return Health.status(status).withDetails(details).build();
    }
}
