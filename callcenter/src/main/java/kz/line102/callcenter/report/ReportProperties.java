package kz.line102.callcenter.report;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kz.line102.callcenter.jobs.JobSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.reports.*}: the daily operational report. The watch itself
 * (zone, hand-over time) is the incident cards' ({@code line102.callcenter.incidents.zone},
 * {@code .watch-starts-at}).
 *
 * @param csvDelimiter the CSV field separator: {@code ;} is what Excel expects where the
 *                     decimal separator is a comma (Russian and Kazakh settings)
 * @param feed         the route that keeps the report's lines
 */
@Validated
@ConfigurationProperties("line102.callcenter.reports")
public record ReportProperties(@NotNull @Pattern(regexp = "[,;\t]") String csvDelimiter,
                               @NotNull @Valid Feed feed) {

    /**
     * @param pollInterval how often each node looks for due feed jobs (the fallback to the
     *                     wake-up sent when a card's change commits)
     * @param lease        how long a node may hold a claimed job; after it, another node takes it
     * @param maxAttempts  failed attempts before a job is parked as dead
     * @param retryMin     first retry delay (doubles per attempt)
     * @param retryMax     longest retry delay
     * @param consumers    parallel consumers of the wake-ups on each node
     */
    public record Feed(@NotNull Duration pollInterval, @NotNull Duration lease, @Min(1) int maxAttempts,
                       @NotNull Duration retryMin, @NotNull Duration retryMax, @Min(1) @Max(64) int consumers)
            implements JobSettings {
    }
}
