package kz.line102.recorder;

/** An uploaded recording longer than its caller allows: nothing of it was kept. */
public final class UploadTooLargeException extends RecorderException {

    private final long maxBytes;

    public UploadTooLargeException(long maxBytes) {
        super("upload-too-large", "the recording is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
