package kz.line102.recorder.access;

import kz.line102.recorder.RecorderException;

/** The Range header is not a single well-formed {@code bytes=} range (maps to 416). */
public final class MalformedRangeException extends RecorderException {

    private final long size;

    public MalformedRangeException(String header, long size) {
        super("malformed-range", "malformed Range header: " + header);
        this.size = size;
    }

    /** The file's size, for {@code Content-Range: bytes *}{@code /size}. */
    public long size() {
        return size;
    }
}
