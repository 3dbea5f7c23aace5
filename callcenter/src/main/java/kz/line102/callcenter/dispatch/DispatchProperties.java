package kz.line102.callcenter.dispatch;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.dispatch.*}.
 *
 * @param arrivalDeadlines  how long a unit has to reach the scene, by the card's priority (1..4)
 * @param lateCheckInterval how often sendings past their deadline are looked for
 */
@Validated
@ConfigurationProperties("line102.callcenter.dispatch")
public record DispatchProperties(@NotNull Map<Integer, Duration> arrivalDeadlines,
                                 @NotNull Duration lateCheckInterval) {

    public DispatchProperties {
        for (int priority = 1; priority <= 4; priority++) {
            Duration d = arrivalDeadlines.get(priority);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("line102.callcenter.dispatch.arrival-deadlines needs a positive"
                        + " duration for every priority 1..4; priority " + priority + " has " + d);
            }
        }
        arrivalDeadlines = Map.copyOf(arrivalDeadlines);
    }

    /** A card without a priority is treated as 3 (normal). */
    public Duration deadlineFor(Integer priority) {
        return arrivalDeadlines.get(priority == null ? 3 : priority);
    }
}
