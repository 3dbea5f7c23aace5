package kz.line102.callcenter.incident;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import kz.line102.callcenter.jobs.JobSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.incidents.untouched-drafts.*}: the draft opened when a call was
 * answered and never changed by its operator is cancelled once the call's wrap-up is over,
 * so drafts of calls that needed no card (a wrong number, silence) do not pile up.
 *
 * @param enabled      whether such drafts are cancelled at all
 * @param grace        waited after the call ends before the operator's wrap-up is looked at
 *                     (the wrap-up starts from the same event, on any node)
 * @param pollInterval how often each node looks for drafts whose time has come
 * @param lease        how long a node may hold a claimed job
 * @param maxAttempts  failed attempts before a job is parked as dead
 * @param retryMin     first retry delay (doubles per attempt)
 * @param retryMax     longest retry delay
 * @param consumers    parallel consumers of the wake-ups on each node
 */
@Validated
@ConfigurationProperties("line102.callcenter.incidents.untouched-drafts")
public record UntouchedDraftProperties(@DefaultValue("true") boolean enabled,
                                       @DefaultValue("5s") @NotNull Duration grace,
                                       @DefaultValue("2s") @NotNull Duration pollInterval,
                                       @DefaultValue("30s") @NotNull Duration lease,
                                       @DefaultValue("10") @Min(1) int maxAttempts,
                                       @DefaultValue("1s") @NotNull Duration retryMin,
                                       @DefaultValue("5m") @NotNull Duration retryMax,
                                       @DefaultValue("1") @Min(1) @Max(16) int consumers) implements JobSettings {
}
