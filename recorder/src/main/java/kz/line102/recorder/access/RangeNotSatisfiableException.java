package kz.line102.recorder.access;

import kz.line102.recorder.RecorderException;

/** The range starts beyond the end of the file, or asks for nothing (maps to 416). */
public final class RangeNotSatisfiableException extends RecorderException {

    private final long size;

    public RangeNotSatisfiableException(String header, long size) {
        super("range-not-satisfiable", "range " + header + " is outside the " + size + "-byte file");
        this.size = size;
    }

    /** The file's size, for {@code Content-Range: bytes *}{@code /size}. */
    public long size() {
        return size;
    }
}
