package kz.line102.cti.stream;

/** A stream entry that cannot be read back as a call event; {@code code} is stable. */
public class MalformedCallEventException extends RuntimeException {

    public MalformedCallEventException(String message) {
        super(message);
    }

    public MalformedCallEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public String code() {
        return "malformed-call-event";
    }
}
