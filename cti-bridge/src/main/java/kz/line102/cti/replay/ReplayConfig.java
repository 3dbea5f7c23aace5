package kz.line102.cti.replay;

/**
 * How the replay server listens and whom it lets in.
 *
 * @param port     TCP port; 0 picks a free one (see {@link AmiReplayServer#port()})
 * @param username the one AMI user (the lab's is {@code cti})
 * @param secret   its secret, checked in plain text or as the MD5 challenge answer
 */
public record ReplayConfig(int port, String username, String secret) {

    public ReplayConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (username == null || username.isBlank() || secret == null) {
            throw new IllegalArgumentException("username and secret are required");
        }
    }

    /** Ephemeral port, the given credentials. */
    public static ReplayConfig ephemeral(String username, String secret) {
        return new ReplayConfig(0, username, secret);
    }
}
