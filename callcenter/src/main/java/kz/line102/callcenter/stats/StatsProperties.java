package kz.line102.callcenter.stats;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.stats.*}: the definitions' parameters and the live thresholds.
 *
 * @param serviceLevelSeconds T of the service level (answered within T seconds); a wait band edge
 * @param shortAbandonSeconds S: abandons in the queue under S seconds are counted apart
 * @param repeatWindow        a call from a number that called within this before is a repeat call
 * @param callbackWindow      an abandoned call whose number is in a call within this after it was called back
 * @param drainPeriod         how often the history looks for changed call records and recomputes intervals
 * @param livePeriod          the longest a committed event waits before the live windows are recomputed
 * @param thresholds          per queue; {@code default} applies to queues not listed
 * @param wallboard           what a wallboard shows until IT staff or its supervisor choose otherwise
 */
@Validated
@ConfigurationProperties("line102.callcenter.stats")
public record StatsProperties(@Min(0) @Max(600) int serviceLevelSeconds, @Min(0) @Max(61) int shortAbandonSeconds,
                              @NotNull Duration repeatWindow, @NotNull Duration callbackWindow,
                              @NotNull Duration drainPeriod, @NotNull Duration livePeriod,
                              @NotNull Map<String, @Valid Threshold> thresholds,
                              @DefaultValue @Valid Wallboard wallboard) {

    public StatsProperties {
        if (!WaitBins.isEdge(serviceLevelSeconds)) {
            throw new IllegalArgumentException("line102.callcenter.stats.service-level-seconds must be one of "
                    + WaitBins.edges() + ", got " + serviceLevelSeconds);
        }
    }

    /**
     * When a queue's live figures raise an alert (once per breach; 0 turns one off).
     *
     * @param serviceLevelBelow   percent: the last hour's service level under it
     * @param waitingAbove        callers waiting now above it
     * @param longestWaitAbove    seconds the longest waiting caller has waited above it
     */
    public record Threshold(@Min(0) @Max(100) double serviceLevelBelow, @Min(0) int waitingAbove,
                            @Min(0) int longestWaitAbove) {
    }

    /**
     * @param targetPercent       the service level the wallboard's tiles and charts are held against
     * @param queues              the queues shown; empty: every queue
     */
    public record Wallboard(@DefaultValue("90") @Min(0) @Max(100) double targetPercent,
                            @DefaultValue List<String> queues) {
    }

    public Threshold threshold(String queue) {
        return thresholds.getOrDefault(queue, thresholds.getOrDefault("default", new Threshold(0, 0, 0)));
    }
}
