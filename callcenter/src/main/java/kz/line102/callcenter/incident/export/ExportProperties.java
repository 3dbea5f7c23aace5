package kz.line102.callcenter.incident.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentCategory;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.jobs.JobSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.incidents.export.*}: where registered cards go as EIDO documents.
 *
 * @param sendOn       the statuses on which a card's document is sent to every target it
 *                     matches, each time as a new version
 * @param pollInterval how often each node looks for due (and retried) exports
 * @param lease        how long a node may hold a claimed export; keep it above the slowest
 *                     registry's answer time (the HTTP timeouts in a target's uri)
 * @param maxAttempts  failed attempts before an export is parked as dead
 * @param retryMin     first retry delay (doubles per attempt)
 * @param retryMax     longest retry delay
 * @param consumers    exports sent at the same time on each node (a slow registry holds one each)
 * @param httpTimeout  longest wait for an http registry's answer (and for its connection), unless
 *                     the target's uri sets its own {@code responseTimeout}
 * @param targets      the registries
 */
@Validated
@ConfigurationProperties("line102.callcenter.incidents.export")
public record ExportProperties(@NotNull List<IncidentStatus> sendOn, @NotNull Duration pollInterval,
                               @NotNull Duration lease, @Min(1) int maxAttempts, @NotNull Duration retryMin,
                               @NotNull Duration retryMax, @Min(1) @Max(256) int consumers,
                               @NotNull Duration httpTimeout, @NotNull List<@Valid Target> targets)
        implements JobSettings {

    public ExportProperties {
        sendOn = sendOn == null ? List.of() : List.copyOf(sendOn);
        targets = targets == null ? List.of() : List.copyOf(targets);
        Set<String> names = new HashSet<>();
        for (Target t : targets) {
            if (t != null && !names.add(t.name())) {
                throw new IllegalArgumentException("export target '" + t.name() + "' is configured twice");
            }
        }
    }

    /**
     * The Camel endpoint an http target is sent to: its uri with {@link #httpTimeout} added
     * unless it sets its own, so a registry that never answers frees its consumer.
     */
    public String endpoint(Target target) {
        String uri = target.uri();
        if (uri.contains("esponseTimeout=")) {
            return uri;
        }
        long millis = httpTimeout.toMillis();
        return uri + (uri.contains("?") ? "&" : "?") + "httpClient.responseTimeout=" + millis
                + "&httpClient.connectTimeout=" + Math.min(millis, 10_000);
    }

    /** The enabled target named {@code name}, or null. */
    public Target target(String name) {
        return targets.stream().filter(t -> t.enabled() && t.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * One external registry.
     *
     * @param name       stable name: part of each export job's target and of the idempotency key
     * @param kind       {@code http} (POST to {@code uri}) or {@code file} (a drop folder)
     * @param uri        Camel HTTP endpoint, e.g. {@code http://erdr.local/eido?httpClient.responseTimeout=10000}
     * @param directory  the drop folder (written atomically: a hidden temporary file renamed into place)
     * @param enabled    false stops new exports to it; jobs already queued for it are parked as dead
     * @param categories only cards of these categories go there; empty: all
     * @param types      only cards of these type codes go there; empty: all
     */
    public record Target(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}") String name,
                         @NotNull @Pattern(regexp = "http|file") String kind, String uri, Path directory,
                         @DefaultValue("true") boolean enabled, List<IncidentCategory> categories, List<String> types) {

        public Target {
            categories = categories == null ? List.of() : List.copyOf(categories);
            types = types == null ? List.of() : List.copyOf(types);
            if ("http".equals(kind) && (uri == null || uri.isBlank())) {
                throw new IllegalArgumentException("export target '" + name + "' is http and needs a uri");
            }
            if ("file".equals(kind) && directory == null) {
                throw new IllegalArgumentException("export target '" + name + "' is file and needs a directory");
            }
        }

        /** Whether {@code card} goes to this registry. */
        public boolean takes(Incident card) {
            return enabled() && (categories.isEmpty() || categories.contains(card.category()))
                    && (types.isEmpty() || types.contains(card.typeCode()));
        }
    }
}
