package kz.line102.cti.ami;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of one AMI link ({@code line102.cti.ami.*}). Validated here so a bad value
 * fails at start-up with a message naming the key, not later on the reader thread.
 *
 * @param host             the PBX's address; blank when none is configured (the link is then never started)
 * @param pbx              the PBX's name in the project: calls get {@code CallId.derive(pbx, linkedid)}
 * @param inboundContexts  dialplan contexts whose channels, when they open a call (Uniqueid = Linkedid),
 *                         are calls to the line; other channels (operator legs, originates) are not
 * @param eventMask        the {@code Events:} classes asked for at login; {@code dialplan} is needed for
 *                         the VarSet that names the MixMonitor file
 * @param lanes            number of per-call serial lanes (threads)
 * @param maxLineBytes     longest AMI line accepted; longer ones are malformed input
 * @param maxBlockBytes    largest AMI block (event or response) accepted
 * @param callIdleTimeout  a tracked call with no event for this long is checked against the PBX
 */
public record AmiProperties(String host, int port, String username, String secret, String pbx,
                            Set<String> inboundContexts, Duration reconnectMin, Duration reconnectMax,
                            Duration actionTimeout, String eventMask, int lanes,
                            int maxLineBytes, int maxBlockBytes, Duration callIdleTimeout) {

    public static final Set<String> DEFAULT_INBOUND_CONTEXTS = Set.of("from-pstn");
    public static final String DEFAULT_EVENT_MASK = "system,call,agent,dialplan";

    public AmiProperties {
        // A blank host is "no PBX configured": bound as it is, refused only by the connector's start.
        host = host == null ? "" : host.strip();
        if (!host.isEmpty()) {
            requireText(username, "username");
        }
        requireText(pbx, "pbx");
        Objects.requireNonNull(secret, "line102.cti.ami.secret");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("line102.cti.ami.port out of range: " + port);
        }
        inboundContexts = Set.copyOf(Objects.requireNonNull(inboundContexts, "line102.cti.ami.inbound-contexts"));
        if (inboundContexts.isEmpty()) {
            throw new IllegalArgumentException("line102.cti.ami.inbound-contexts is empty: no call would be seen");
        }
        requirePositive(reconnectMin, "reconnect-min");
        requirePositive(reconnectMax, "reconnect-max");
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("line102.cti.ami.reconnect-max is below reconnect-min");
        }
        requirePositive(actionTimeout, "action-timeout");
        requirePositive(callIdleTimeout, "call-idle-timeout");
        requireText(eventMask, "event-mask");
        if (lanes < 1 || lanes > 256) {
            throw new IllegalArgumentException("line102.cti.ami.lanes must be 1..256: " + lanes);
        }
        if (maxLineBytes < 256) {
            throw new IllegalArgumentException("line102.cti.ami.max-line-bytes below 256: " + maxLineBytes);
        }
        if (maxBlockBytes < maxLineBytes) {
            throw new IllegalArgumentException("line102.cti.ami.max-block-bytes below max-line-bytes");
        }
    }

    /** Whether a PBX is configured to connect to; an unconfigured link is never started. */
    public boolean configured() {
        return !host.isEmpty();
    }

    /** Refuses to go on without a PBX: an unconfigured link is never started. */
    public void requireConfigured() {
        if (!configured()) {
            throw new IllegalStateException("line102.cti.ami.host is blank: there is no PBX to connect to");
        }
    }

    /** How often tracked calls are checked for idleness: a quarter of the idle time, 0.2 s to 1 min. */
    long sweepMillis() {
        return Math.max(200, Math.min(callIdleTimeout.toMillis() / 4, 60_000));
    }

    /** Another PBX address and account with the same settings (the demo's replay on loopback). */
    public AmiProperties withEndpoint(String newHost, int newPort, String newUsername, String newSecret) {
        requireText(newHost, "host");
        return new AmiProperties(newHost, newPort, newUsername, newSecret, pbx, inboundContexts, reconnectMin,
                reconnectMax, actionTimeout, eventMask, lanes, maxLineBytes, maxBlockBytes, callIdleTimeout);
    }

    /** The defaults documented in {@code conf/cti-bridge.yml} for everything but where and who. */
    public static AmiProperties of(String host, int port, String username, String secret, String pbx) {
        return new AmiProperties(host, port, username, secret, pbx, DEFAULT_INBOUND_CONTEXTS,
                Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(5), DEFAULT_EVENT_MASK,
                Math.max(2, Runtime.getRuntime().availableProcessors()), 8 * 1024, 64 * 1024, Duration.ofHours(2));
    }

    public AmiProperties withReconnect(Duration min, Duration max) {
        return new AmiProperties(host, port, username, secret, pbx, inboundContexts, min, max, actionTimeout,
                eventMask, lanes, maxLineBytes, maxBlockBytes, callIdleTimeout);
    }

    public AmiProperties withLimits(int lineBytes, int blockBytes) {
        return new AmiProperties(host, port, username, secret, pbx, inboundContexts, reconnectMin, reconnectMax,
                actionTimeout, eventMask, lanes, lineBytes, blockBytes, callIdleTimeout);
    }

    public AmiProperties withActionTimeout(Duration timeout) {
        return new AmiProperties(host, port, username, secret, pbx, inboundContexts, reconnectMin, reconnectMax,
                timeout, eventMask, lanes, maxLineBytes, maxBlockBytes, callIdleTimeout);
    }

    public AmiProperties withCallIdleTimeout(Duration idle) {
        return new AmiProperties(host, port, username, secret, pbx, inboundContexts, reconnectMin, reconnectMax,
                actionTimeout, eventMask, lanes, maxLineBytes, maxBlockBytes, idle);
    }

    @Override
    public String toString() {
        // The secret must never reach a log line.
        return "AmiProperties[" + username + "@" + host + ":" + port + ", pbx=" + pbx + ", inbound="
                + inboundContexts + ", reconnect=" + reconnectMin + ".." + reconnectMax + ", lanes=" + lanes + "]";
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("line102.cti.ami." + key + " is blank");
        }
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("line102.cti.ami." + key + " must be positive: " + value);
        }
    }
}
