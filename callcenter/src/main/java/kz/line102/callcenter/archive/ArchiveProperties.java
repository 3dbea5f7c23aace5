package kz.line102.callcenter.archive;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.archive.*}: the auditors' API.
 *
 * @param requestValidFor how long a recorded legal-basis request may be used (one sitting)
 * @param pageSize        search results per page when the caller does not ask for a size
 * @param linkInterval    how often recordings are linked to the incident cards of their calls
 * @param linkWindow      calls linked to a card within this long are looked at (older links are done)
 */
@Validated
@ConfigurationProperties("line102.callcenter.archive")
record ArchiveProperties(@NotNull Duration requestValidFor, @Min(1) @Max(500) int pageSize,
                         @NotNull Duration linkInterval, @NotNull Duration linkWindow) {
}
