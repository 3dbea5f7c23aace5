package kz.line102.callcenter.caller.bulk;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;

/** Writes rows in COPY's text format, in blocks of about 256 KB. */
final class CopyRows {

    private static final int FLUSH = 1 << 18;

    private final CopyIn copy;
    private byte[] buf = new byte[FLUSH + 8192];
    private int len;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    void write(SubscriberRow r) throws SQLException {
        text(r.numberE164());
        tab();
        text(r.holderName());
        tab();
        text(r.address());
        tab();
        number(r.lat());
        tab();
        number(r.lon());
        tab();
        text(r.source());
        tab();
        ascii(Long.toString(r.line()));
        put('\n');
        if (len >= FLUSH) {
            flush();
        }
    }

    /** @return rows COPY took */
    long end() throws SQLException {
        flush();
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        if (len > 0) {
            copy.writeToCopy(buf, 0, len);
            len = 0;
        }
    }

    private void tab() {
        put('\t');
    }

    private void number(Double d) {
        if (d == null) {
            ascii("\\N");
        } else {
            ascii(Double.toString(d));
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i));
        }
    }

    private void text(String s) {
        if (s == null) {
            ascii("\\N");
            return;
        }
        // Escaping bytes is safe in UTF-8: every byte of a multi-byte character is >= 0x80.
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            switch (b) {
                case '\\' -> { put('\\'); put('\\'); }
                case '\t' -> { put('\\'); put('t'); }
                case '\n' -> { put('\\'); put('n'); }
                case '\r' -> { put('\\'); put('r'); }
                default -> put(b);
            }
        }
    }

    private void put(int b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = (byte) b;
    }
}
