package kz.line102.cti.sip;

import java.util.Objects;

/**
 * How the user agent listens and how much it may do at once.
 *
 * @param bindAddress   the local address the listening points bind to and advertise
 * @param port          the local SIP port for UDP and TCP alike; 0 picks a free one (the
 *                      stack itself refuses port 0)
 * @param maxInFlight   transactions that may wait for an answer at once; more are refused
 *                      at once with a clear result, never queued without bound
 * @param stackThreads  threads the stack dispatches incoming messages on
 * @param userAgent     the User-Agent header and the From user of every request
 */
public record SipAgentConfig(String bindAddress, int port, int maxInFlight, int stackThreads, String userAgent) {

    public SipAgentConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SIP port must be 0..65535, got " + port);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        if (stackThreads < 1) {
            throw new IllegalArgumentException("stackThreads must be at least 1");
        }
        if (userAgent == null || userAgent.isBlank()) {
            userAgent = "line102-linehealth";
        }
    }

    /** Loopback, a free port: for tests and a single machine. */
    public static SipAgentConfig loopback() {
        return new SipAgentConfig("127.0.0.1", 0, 256, 2, "line102-linehealth");
    }
}
