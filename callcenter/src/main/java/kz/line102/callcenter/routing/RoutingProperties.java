package kz.line102.callcenter.routing;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.routing.*}, described in {@code conf/application.yml}.
 *
 * @param zone           time zone of time-of-day and day-of-week conditions
 * @param maxRules       most rules in a rule set
 * @param changesChannel Redis pub/sub channel announcing a new rule set version
 * @param pollInterval   how often a node checks the database for a newer version anyway
 * @param historyTimeout how long a decision waits for the caller's history; later, history rules do not match
 */
@Validated
@ConfigurationProperties("line102.callcenter.routing")
public record RoutingProperties(@NotNull ZoneId zone,
                                @Min(1) @Max(100_000) int maxRules, @NotBlank String changesChannel,
                                @NotNull Duration pollInterval, @NotNull Duration historyTimeout) {
}
