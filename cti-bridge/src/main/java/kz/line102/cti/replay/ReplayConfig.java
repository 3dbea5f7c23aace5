package kz.line102.cti.replay;

import java.time.Duration;

/**
 * How the replay server listens and whom it lets in.
 *
 * @param port     TCP port; 0 picks a free one (see {@link AmiReplayServer#port()})
 * @param username the one AMI user (the lab's is {@code cti})
 * @param secret       its secret, checked in plain text or as the MD5 challenge answer
 * @param writeTimeout how long a write to a client that does not read may block before that
 *                     client is disconnected (Asterisk's writetimeout, generous here for tests)
 */
public record ReplayConfig(int port, String username, String secret, Duration writeTimeout) {

    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);

    public ReplayConfig(int port, String username, String secret) {
        this(port, username, secret, DEFAULT_WRITE_TIMEOUT);
    }

    public ReplayConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (username == null || username.isBlank() || secret == null) {
            throw new IllegalArgumentException("username and secret are required");
        }
        if (writeTimeout == null || writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("writeTimeout must be positive");
        }
    }

    /** Ephemeral port, the given credentials. */
    public static ReplayConfig ephemeral(String username, String secret) {
        return new ReplayConfig(0, username, secret);
    }

    public ReplayConfig withWriteTimeout(Duration timeout) {
        return new ReplayConfig(port, username, secret, timeout);
    }

    /** Without the secret: configs end up in log lines. */
    @Override
    public String toString() {
        return "ReplayConfig[port=" + port + ", username=" + username + ", writeTimeout=" + writeTimeout + "]";
    }
}
