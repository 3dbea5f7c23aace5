package kz.line102.callcenter.cti;

import kz.line102.callcenter.app.Secrets;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kz.line102.cti.agi.AgiProperties;
import kz.line102.cti.ami.AmiProperties;
import kz.line102.cti.stream.StreamProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.cti.*}: the bridge inside this process. The AMI link, the stream and the
 * FastAGI service are bound straight into the bridge's own records, which validate every value
 * and name its key, so a bridge setting is added in the bridge and documented in
 * {@code conf/cti-bridge.yml}, nowhere else. Only what the application adds (the demo's replay,
 * the link's lease) is described here.
 */
@Validated
@ConfigurationProperties("line102.cti")
public record CtiProperties(boolean enabled, @NotNull AmiProperties ami, @NotNull StreamProperties stream,
                            @Valid @NotNull Replay replay, @NotNull AgiProperties agi, @Valid @NotNull Link link) {

    /**
     * One AMI link per PBX across nodes: the node holding the lease reads the events, the
     * others stand by (commands only) and take over when it runs out.
     */
    public record Link(boolean leaseEnabled, @NotNull Duration leaseTtl) {
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
}
