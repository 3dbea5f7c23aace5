package kz.line102.callcenter.caller;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.caller.*}: the caller card and the subscriber registry.
 *
 * @param cacheTtl         how long a subscriber stays in the Redis cache (changes invalidate it at once)
 * @param repeatThreshold  calls from one number within 24 h, the ringing one included, that make a repeat caller
 * @param recentCalls      calls listed on the card (the counts cover all of them)
 * @param importing        bulk loads ({@code line102.callcenter.caller.import.*})
 */
@Validated
@ConfigurationProperties("line102.callcenter.caller")
public record CallerProperties(@NotNull Duration cacheTtl, @Min(1) int repeatThreshold,
                               @Min(1) @Max(500) int recentCalls, @Name("import") @Valid @NotNull Import importing) {

    /**
     * @param maxBytes          the largest upload taken; more is refused with 413 and nothing loaded
     * @param batchRows         rows per COPY-and-merge step
     * @param maxRecordBytes    the longest CSV record; longer ones (an unclosed quote) are rejected rows
     * @param maxReportedErrors rejected rows listed in the report (all are counted)
     */
    public record Import(@NotNull DataSize maxBytes, @Min(1) int batchRows, @Min(256) int maxRecordBytes,
                         @Min(0) int maxReportedErrors) {
    }
}
