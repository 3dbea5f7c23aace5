package kz.line102.callcenter.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import kz.line102.callcenter.jobs.JobStore;
import org.springframework.stereotype.Component;

/**
 * The outbound deliveries as the job engine sees them: the state of each delivery lives
 * in its alert's row ({@code outbound_*}), where the screens and IT staff read it, so the
 * engine claims and settles them there. An alert counts a try when it ends
 * ({@code outbound_attempts}), so the attempt running is one more than that.
 */
@Component
class AlertOutboundStore implements JobStore<Alert> {

    private final JdbcAlertRepository alerts;
    private final AlertService service;

    AlertOutboundStore(JdbcAlertRepository alerts, AlertService service) {
        this.alerts = alerts;
        this.service = service;
    }

    /** A new alert (or one sent again) nudges the delivery right away. */
    @Override
    public void onEnqueued(String step, Consumer<UUID> wakeUp) {
        service.onNewOutbound(() -> wakeUp.accept(null));
    }

    @Override
    public List<Alert> claimDue(String step, int limit, Duration lease, String node) {
        return alerts.claimDue(limit, lease);
    }

    @Override
    public void complete(Alert alert) {
        alerts.delivered(alert.id());
    }

    @Override
    public void retryLater(Alert alert, String error, Duration wait) {
        alerts.failed(alert.id(), error, Integer.MAX_VALUE, wait);
    }

    @Override
    public void parkDead(Alert alert, String error) {
        alerts.failed(alert.id(), error, 0, Duration.ZERO);
    }

    @Override
    public int attempts(Alert alert) {
        return alert.outboundAttempts() + 1;
    }

    @Override
    public String describe(Alert alert) {
        return "alertId=" + alert.id();
    }

    @Override
    public Optional<Instant> oldestWaiting(String step) {
        return alerts.oldestPendingOutbound();
    }
}
