package kz.line102.recorder.access;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive byte range of a file of {@code size} bytes, as HTTP Range means it
 * (RFC 9110 §14.1.2). One range is served: players ask for one, and multipart answers
 * buy nothing for audio. A request for several ranges is answered with the one range
 * that covers them all (a server may coalesce ranges, RFC 9110 §14.2), not refused.
 */
public record ByteRange(long start, long end, long size) {

    private static final Pattern UNIT = Pattern.compile("\\s*bytes\\s*=(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPEC = Pattern.compile("\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");
    /** More ranges than this in one request are not a player's: refused as malformed. */
    private static final int MAX_RANGES = 16;

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
        Matcher unit = UNIT.matcher(header);
        if (!unit.matches() || header.length() > 400) {
            throw new MalformedRangeException(header, size);
        }
        String[] specs = unit.group(1).split(",", -1);
        if (specs.length > MAX_RANGES) {
            throw new MalformedRangeException(header, size);
        }
        ByteRange covering = null;
        RangeNotSatisfiableException outside = null;
        for (String spec : specs) {
            try {
                ByteRange one = one(spec, header, size);
                covering = covering == null ? one
                        : new ByteRange(Math.min(covering.start, one.start), Math.max(covering.end, one.end), size);
            } catch (RangeNotSatisfiableException e) {
                outside = e; // satisfiable if any other range is (RFC 9110 §14.1.2)
            }
        }
        if (covering == null) {
            throw outside;
        }
        return covering;
    }

    private static ByteRange one(String spec, String header, long size) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
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
