package kz.line102.cti;

/**
 * The PBX did not carry out a queue command. {@link Reason#PBX_UNAVAILABLE}: no AMI link,
 * nothing was sent; {@link Reason#TIMEOUT}: sent, but no answer in time (the state in the
 * PBX is unknown until the next QueueStatus); {@link Reason#REFUSED}: Asterisk answered
 * with an error, whose words are in the message.
 */
public class QueueCommandException extends RuntimeException {

    public enum Reason { PBX_UNAVAILABLE, TIMEOUT, REFUSED }

    private final Reason reason;

    public QueueCommandException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public QueueCommandException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
