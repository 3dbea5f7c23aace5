package kz.line102.callcenter.watch;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import kz.line102.callcenter.app.Secrets;
import kz.line102.callcenter.jobs.JobSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.watch.serious-reports.*}: where signed reports of serious events go
 * and who signs them.
 *
 * @param uri          Camel HTTP endpoint of the higher instance; blank: signed reports wait
 *                     (their jobs stay pending) until a node has one
 * @param actingChiefs accounts that sign in the chief's stead (deputies) besides the chief,
 *                     who is the incoming chief of the commission act completed last
 * @param pollInterval how often each node looks for due (and retried) deliveries
 * @param lease        how long a node may hold a delivery it took; above {@code httpTimeout}
 * @param maxAttempts  failed attempts before a delivery is parked as dead
 * @param retryMin     first retry delay (doubles per attempt)
 * @param retryMax     longest retry delay
 * @param consumers    deliveries sent at the same time on each node
 * @param httpTimeout  longest wait for the higher instance's answer
 * @param retention    how long reports are kept after the year they were drafted in (in the
 *                     watch's zone), like a journal's retention class; 5 years if not set
 */
@Validated
@ConfigurationProperties("line102.callcenter.watch.serious-reports")
public record SeriousReportProperties(String uri, List<String> actingChiefs, @NotNull Duration pollInterval,
                                      @NotNull Duration lease, @Min(1) int maxAttempts, @NotNull Duration retryMin,
                                      @NotNull Duration retryMax, @Min(1) @Max(64) int consumers,
                                      @NotNull Duration httpTimeout, Period retention) implements JobSettings {

    public SeriousReportProperties {
        actingChiefs = actingChiefs == null ? List.of() : List.copyOf(actingChiefs);
        retention = retention == null ? Period.ofYears(5) : retention.normalized();
        if (retention.isNegative() || retention.toTotalMonths() < 12) {
            throw new IllegalArgumentException("the serious-event reports' retention is a year or more, not " + retention);
        }
    }

    boolean sends() {
        return uri != null && !uri.isBlank();
    }

    /** The endpoint with {@link #httpTimeout} added unless the uri sets its own. */
    String endpoint() {
        if (uri.contains("esponseTimeout=")) {
            return uri;
        }
        long millis = httpTimeout.toMillis();
        return uri + (uri.contains("?") ? "&" : "?") + "httpClient.responseTimeout=" + millis
                + "&httpClient.connectTimeout=" + Math.min(millis, 10_000);
    }

    /** The higher instance's credentials (in the uri) never reach a log line. */
    @Override
    public String toString() {
        return "SeriousReportProperties[uri=" + Secrets.uri(uri) + ", actingChiefs=" + actingChiefs + ", pollInterval="
                + pollInterval + ", lease=" + lease + ", maxAttempts=" + maxAttempts + ", retryMin=" + retryMin
                + ", retryMax=" + retryMax + ", consumers=" + consumers + ", httpTimeout=" + httpTimeout + ", retention="
                + retention + "]";
    }
}
