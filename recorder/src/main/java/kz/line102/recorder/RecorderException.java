package kz.line102.recorder;

/**
 * Base of every failure the recorder reports. Each subclass is one kind of failure with a
 * stable kebab-case {@link #code()} that callers map to a status in one place (for
 * example {@code range-not-satisfiable} to 416, {@code no-such-recording} to 404).
 */
public abstract class RecorderException extends RuntimeException {

    private final String code;

    protected RecorderException(String code, String message) {
        this(code, message, null);
    }

    protected RecorderException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The stable code of this kind of failure. */
    public String code() {
        return code;
    }
}
