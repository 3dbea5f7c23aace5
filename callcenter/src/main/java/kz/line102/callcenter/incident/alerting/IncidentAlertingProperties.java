package kz.line102.callcenter.incident.alerting;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import kz.line102.callcenter.jobs.JobSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.incidents.alerting.*}: the route that alerts the duty officer
 * to serious cards once they are registered.
 *
 * @param pollInterval how often each node looks for due alert jobs (the fallback to the
 *                     wake-up sent when a registration commits)
 * @param lease        how long a node may hold a claimed job
 * @param maxAttempts  failed attempts before a job is parked as dead
 * @param retryMin     first retry delay (doubles per attempt)
 * @param retryMax     longest retry delay
 * @param consumers    parallel consumers of the wake-ups on each node
 */
@Validated
@ConfigurationProperties("line102.callcenter.incidents.alerting")
public record IncidentAlertingProperties(@NotNull Duration pollInterval, @NotNull Duration lease,
                                         @Min(1) int maxAttempts, @NotNull Duration retryMin,
                                         @NotNull Duration retryMax, @Min(1) @Max(64) int consumers)
        implements JobSettings {
}
