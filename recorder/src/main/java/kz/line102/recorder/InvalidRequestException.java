package kz.line102.recorder;

/** A caller passed a value the recorder cannot act on (a blank reason, an unknown page cursor). */
public final class InvalidRequestException extends RecorderException {

    public InvalidRequestException(String message) {
        super("invalid-request", message);
    }

    /** {@code value} itself, or this exception naming {@code what} when it is null or blank. */
    public static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(what + " is required");
        }
        return value.strip();
    }
}
