package kz.line102.cti.agi;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the FastAGI routing service ({@code line102.cti.agi.*}, documented in
 * {@code conf/cti-bridge.yml}), validated so a bad value stops start-up naming its key.
 *
 * @param bindAddress    address to listen on (loopback when Asterisk runs on the same machine)
 * @param port           TCP port ({@code 0}: any free port, for tests)
 * @param script         the script name in {@code agi://host:port/<script>}; other names get no answer
 * @param pbx            the PBX's name in the project (as {@code line102.cti.ami.pbx}), for call ids
 * @param defaultQueue   the queue when the decider fails, is late or is busy
 * @param defaultPriority the priority then
 * @param decisionBudget how long the decider may take before the default is used
 * @param maxConnections AGI sessions served at once; more are refused (Asterisk falls back to its defaults)
 * @param readTimeout    how long to wait for a line from Asterisk before the session is dropped
 * @param maxLineBytes   the longest line accepted from Asterisk
 */
public record AgiProperties(String bindAddress, int port, String script, String pbx, String defaultQueue,
                            int defaultPriority, Duration decisionBudget, int maxConnections, Duration readTimeout,
                            int maxLineBytes) {

    public AgiProperties {
        requireText(bindAddress, "bind-address");
        requireText(script, "script");
        requireText(pbx, "pbx");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("line102.cti.agi.port out of range: " + port);
        }
        try {
            new RouteDecision(defaultQueue, defaultPriority, "default");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line102.cti.agi.default-queue/default-priority: " + e.getMessage(), e);
        }
        requirePositive(decisionBudget, "decision-budget");
        requirePositive(readTimeout, "read-timeout");
        if (maxConnections < 1 || maxConnections > 1024) {
            throw new IllegalArgumentException("line102.cti.agi.max-connections must be 1..1024: " + maxConnections);
        }
        if (maxLineBytes < 256) {
            throw new IllegalArgumentException("line102.cti.agi.max-line-bytes below 256: " + maxLineBytes);
        }
    }

    /** The defaults of {@code conf/cti-bridge.yml} on the given address and port. */
    public static AgiProperties of(String bindAddress, int port, String pbx) {
        return new AgiProperties(bindAddress, port, "route102", pbx, "q102", 0, Duration.ofMillis(50), 64,
                Duration.ofSeconds(5), 4096);
    }

    public AgiProperties withBudget(Duration budget) {
        return new AgiProperties(bindAddress, port, script, pbx, defaultQueue, defaultPriority, budget,
                maxConnections, readTimeout, maxLineBytes);
    }

    public AgiProperties withMaxConnections(int max) {
        return new AgiProperties(bindAddress, port, script, pbx, defaultQueue, defaultPriority, decisionBudget,
                max, readTimeout, maxLineBytes);
    }

    RouteDecision fallback(String why) {
        return new RouteDecision(defaultQueue, defaultPriority, "fallback:" + why);
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("line102.cti.agi." + key + " is blank");
        }
    }

    private static void requirePositive(Duration value, String key) {
        Objects.requireNonNull(value, "line102.cti.agi." + key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("line102.cti.agi." + key + " must be positive: " + value);
        }
    }
}
