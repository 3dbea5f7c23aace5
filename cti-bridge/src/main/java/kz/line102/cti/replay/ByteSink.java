package kz.line102.cti.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer reused for every event, so rendering allocates nothing. */
final class ByteSink {

    private byte[] buf;
    private int len;

    ByteSink(int capacity) {
        buf = new byte[capacity];
    }

    void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    /** Writes {@code seconds.micros} with six decimals, as Asterisk's Timestamp header. */
    void putEpochMicros(long micros) {
        ensure(24);
        long seconds = micros / 1_000_000;
        int fraction = (int) (micros % 1_000_000);
        len = putDigits(seconds, len);
        buf[len++] = '.';
        for (int div = 100_000; div > 0; div /= 10) {
            buf[len++] = (byte) ('0' + fraction / div % 10);
        }
    }

    private int putDigits(long value, int at) {
        if (value == 0) {
            buf[at] = '0';
            return at + 1;
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + digits;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return len;
    }

    void reset() {
        len = 0;
    }

    String toLatin1String() {
        return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
    }
}
