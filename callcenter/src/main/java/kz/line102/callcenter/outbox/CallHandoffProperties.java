package kz.line102.callcenter.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import kz.line102.callcenter.jobs.JobSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.handoff.*}: how the hand-offs after committed call events are
 * drained from {@code incident_jobs} (step {@code call-handoff}).
 *
 * @param pollInterval how often each node looks for due hand-offs (a commit wakes the drain at once)
 * @param lease        how long a node may hold a claimed hand-off; after it, another node takes it
 * @param maxAttempts  failed attempts before a hand-off is parked on the dead-letter page
 * @param retryMin     first retry delay (doubles per attempt)
 * @param retryMax     longest retry delay
 * @param consumers    parallel consumers of the wake-ups on each node
 */
@Validated
@ConfigurationProperties("line102.callcenter.handoff")
public record CallHandoffProperties(@NotNull Duration pollInterval, @NotNull Duration lease, @Min(1) int maxAttempts,
                                    @NotNull Duration retryMin, @NotNull Duration retryMax,
                                    @Min(1) @Max(64) int consumers) implements JobSettings {
}
