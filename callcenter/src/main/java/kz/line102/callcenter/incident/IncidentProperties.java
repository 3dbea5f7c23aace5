package kz.line102.callcenter.incident;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kz.line102.callcenter.jobs.JobSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.incidents.*}: incident cards.
 *
 * @param unitCode          the registering unit: part of every KUI number ({@code KUI-<unit>-<year>-<seq>})
 * @param zone              the centre's time zone: watches and KUI years are counted in it
 * @param watchStartsAt     local time a watch hands over (watches run from it to the same time next day)
 * @param maxDescription    longest "what happened" text, in characters
 * @param maxNotes          longest operator notes, in characters
 * @param maxPersons        most persons (and most vehicles) on one card
 * @param pageSize          list results per page when the request gives no {@code size}
 * @param types             the type list the console offers
 * @param registration      the registration route
 */
@Validated
@ConfigurationProperties("line102.callcenter.incidents")
public record IncidentProperties(@NotNull @Pattern(regexp = "[A-Z0-9]{1,16}") String unitCode, @NotNull ZoneId zone,
                                 @NotNull LocalTime watchStartsAt, @Min(1) @Max(100_000) int maxDescription,
                                 @Min(1) @Max(100_000) int maxNotes, @Min(1) @Max(1000) int maxPersons,
                                 @Min(1) @Max(500) int pageSize, @NotEmpty List<@Valid IncidentType> types,
                                 @NotNull @Valid Registration registration) {

    /**
     * @param pollInterval how often each node looks for due registrations (the fallback
     *                     to the wake-up sent when a submit commits)
     * @param lease        how long a node may hold a claimed job; after it, another node takes it
     * @param maxAttempts  failed attempts before a job is parked as dead
     * @param retryMin     first retry delay (doubles per attempt)
     * @param retryMax     longest retry delay
     * @param consumers    parallel consumers of the wake-ups on each node
     */
    public record Registration(@NotNull Duration pollInterval, @NotNull Duration lease, @Min(1) int maxAttempts,
                               @NotNull Duration retryMin, @NotNull Duration retryMax, @Min(1) @Max(64) int consumers)
            implements JobSettings {
    }
}
