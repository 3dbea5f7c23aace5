package kz.line102.callcenter.alert;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import kz.line102.callcenter.jobs.JobSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.alerts.*}.
 *
 * @param outbound  delivery of every alert to the duty desk's own system
 * @param openLimit the most open alerts sent to a supervisor's screen when it connects
 */
@Validated
@ConfigurationProperties("line102.callcenter.alerts")
public record AlertProperties(@Valid @NotNull Outbound outbound, @Min(1) @Max(10_000) int openLimit) {

    /**
     * @param uri            a Camel endpoint URI ({@code http://...}, {@code file:...}); empty for none
     * @param maxAttempts    deliveries tried before the alert is parked as dead
     * @param initialBackoff wait after the first failure; doubled after each next one
     * @param maxBackoff     the longest wait between two tries
     * @param pollInterval   how often due deliveries are looked for (a new alert is sent at once)
     * @param lease          how long a node owns a delivery it took; a node that dies
     *                       holding one leaves it to the others after this
     */
    public record Outbound(String uri, @Min(1) int maxAttempts, @NotNull Duration initialBackoff,
                           @NotNull Duration maxBackoff, @NotNull Duration pollInterval, @NotNull Duration lease)
            implements JobSettings {

        public boolean configured() {
            return uri != null && !uri.isBlank();
        }

        @Override
        public Duration retryMin() {
            return initialBackoff;
        }

        @Override
        public Duration retryMax() {
            return maxBackoff;
        }

        /** One at a time: the duty desk gets its alerts in the order they were claimed. */
        @Override
        public int consumers() {
            return 1;
        }
    }
}
