package kz.line102.callcenter.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.security.requests.*}: what one request may carry and how
 * often one user may call the costly endpoints.
 *
 * @param maxBody     the largest body of any request not listed below (JSON, forms)
 * @param largerBodies request patterns ({@code "PUT /api/v1/routing/rules"}) allowed a larger body
 * @param streamed    request patterns that stream their body under a limit of their own
 *                    (the subscriber CSV upload): not limited here
 * @param rateLimits  per-user limits, by group name
 */
@Validated
@ConfigurationProperties("line102.callcenter.security.requests")
public record RequestLimitProperties(@NotNull DataSize maxBody, List<@Valid LargerBody> largerBodies,
                                     List<String> streamed, Map<String, @Valid RateLimit> rateLimits) {

    public RequestLimitProperties {
        largerBodies = largerBodies == null ? List.of() : List.copyOf(largerBodies);
        streamed = streamed == null ? List.of() : List.copyOf(streamed);
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    /** @param request a request pattern; @param max its body limit */
    public record LargerBody(@NotEmpty String request, @NotNull DataSize max) {
    }

    /**
     * @param limit     requests per window and user
     * @param window    the window, starting at the user's first request in it
     * @param requests  request patterns counted together ({@code "GET /api/v1/archive/recordings"})
     */
    public record RateLimit(@Min(1) int limit, @NotNull Duration window, @NotEmpty List<String> requests) {
    }
}
