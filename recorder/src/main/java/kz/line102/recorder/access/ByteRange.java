package kz.line102.recorder.access;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive byte range of a file of {@code size} bytes, as HTTP Range means it
 * (RFC 9110 §14.1.2). Only one range is served: players ask for one, and multipart
 * answers buy nothing for audio.
 */
public record ByteRange(long start, long end, long size) {

    private static final Pattern SPEC = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*",
            Pattern.CASE_INSENSITIVE);

    public long length() {
        return end - start + 1;
    }

    /** Whether this is the whole file (answered 200 rather than 206). */
    public boolean whole() {
        return start == 0 && end == size - 1;
    }

    /** {@code bytes start-end/size}, the Content-Range value of a 206. */
    public String contentRange() {
        return "bytes " + start + "-" + end + "/" + size;
    }

    /**
     * The range {@code header} asks of a file of {@code size} bytes; no header means the whole file.
     *
     * @throws MalformedRangeException     when the header is not one well-formed bytes range
     * @throws RangeNotSatisfiableException when the range lies outside the file
     */
    public static ByteRange parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return new ByteRange(0, size - 1, size);
        }
        Matcher m = SPEC.matcher(header);
        if (!m.matches() || header.length() > 100) {
            throw new MalformedRangeException(header, size);
        }
        String first = m.group(1);
        String last = m.group(2);
        try {
            if (first.isEmpty()) {
                if (last.isEmpty()) {
                    throw new MalformedRangeException(header, size);
                }
                long suffix = Long.parseLong(last);
                if (suffix == 0 || size == 0) {
                    throw new RangeNotSatisfiableException(header, size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1, size);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? Long.MAX_VALUE : Long.parseLong(last);
            if (end < start) {
                throw new MalformedRangeException(header, size);
            }
            if (start >= size) {
                throw new RangeNotSatisfiableException(header, size);
            }
            return new ByteRange(start, Math.min(end, size - 1), size);
        } catch (NumberFormatException tooLong) {
            throw new MalformedRangeException(header, size);
        }
    }
}
