package kz.line102.callcenter.cti;

import kz.line102.callcenter.app.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.cti.*}: the bridge inside this process. Every key is described in
 * {@code conf/application.yml}.
 */
@Validated
@ConfigurationProperties("line102.cti")
public record CtiProperties(boolean enabled, @Valid @NotNull Ami ami, @Valid @NotNull Stream stream,
                            @Valid @NotNull Replay replay, @Valid @NotNull Agi agi, @Valid @NotNull Link link) {

    /**
     * One AMI link per PBX across nodes: the node holding the lease reads the events, the
     * others stand by (commands only) and take over when it runs out.
     */
    public record Link(boolean leaseEnabled, @NotNull Duration leaseTtl) {
    }

    /** The Asterisk Manager Interface; a blank host plays the bundled replay instead. */
    public record Ami(String host, @Min(1) @Max(65535) int port, String username, String secret,
                      @NotBlank String pbx, @NotEmpty Set<String> inboundContexts, @NotNull Duration reconnectMin,
                      @NotNull Duration reconnectMax, @NotNull Duration actionTimeout, @NotBlank String eventMask,
                      @Min(1) @Max(256) int lanes, @Min(256) int maxLineBytes, @Min(256) int maxBlockBytes,
                      @NotNull Duration callIdleTimeout) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }

        /** Spelled out: the AMI secret never reaches a log line. */
        @Override
        public String toString() {
            return "Ami[" + username + "@" + host + ":" + port + ", secret=" + Secrets.hidden(secret) + ", pbx=" + pbx
                    + ", inboundContexts=" + inboundContexts + ", reconnect=" + reconnectMin + ".." + reconnectMax
                    + ", actionTimeout=" + actionTimeout + ", eventMask=" + eventMask + ", lanes=" + lanes
                    + ", maxLineBytes=" + maxLineBytes + ", maxBlockBytes=" + maxBlockBytes + ", callIdleTimeout="
                    + callIdleTimeout + "]";
        }
    }

    /** The hand-off to Redis. */
    public record Stream(@NotBlank String key, @NotNull Path spoolDir, @Min(1048576) long spoolMaxBytes,
                         @Min(1) int queueCapacity, @Min(1) int batchSize, @NotNull Duration retryMin,
                         @NotNull Duration retryMax) {
    }

    /** The demo: captured calls played when no Asterisk is configured. */
    public record Replay(boolean enabled, @DecimalMin("0.0") double callsPerSecond, @DecimalMin("0.0") double pace,
                         @NotBlank String username, @NotBlank String secret, List<String> queues) {

        public Replay {
            queues = queues == null ? List.of() : List.copyOf(queues);
        }

        @Override
        public String toString() {
            return "Replay[enabled=" + enabled + ", callsPerSecond=" + callsPerSecond + ", pace=" + pace + ", username="
                    + username + ", secret=" + Secrets.hidden(secret) + ", queues=" + queues + "]";
        }
    }

    /** The FastAGI routing service Asterisk asks for each call's queue and priority. */
    public record Agi(boolean enabled, @NotBlank String bindAddress, @Min(0) @Max(65535) int port,
                      @NotBlank String script, @NotBlank String defaultQueue, @Min(0) @Max(100) int defaultPriority,
                      @NotNull Duration decisionBudget, @Min(1) @Max(1024) int maxConnections,
                      @NotNull Duration readTimeout, @Min(256) int maxLineBytes) {
    }
}
