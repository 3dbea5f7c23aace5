package kz.line102.callcenter.caller.bulk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/** Encodes rows in COPY's text format into blocks of about 256 KB, handed on as each fills. */
final class CopyRows {

    static final int BLOCK = 1 << 18;

    private final ObjIntConsumer<byte[]> blocks;
    private byte[] buf = new byte[BLOCK + 8192];
    private int len;

    /** @param blocks takes each full block (array and length); the array is not reused */
    CopyRows(ObjIntConsumer<byte[]> blocks) {
        this.blocks = blocks;
    }

    void write(SubscriberRow r) {
        text(r.numberE164());
        put('\t');
        text(r.holderName());
        put('\t');
        text(r.address());
        put('\t');
        number(r.lat());
        put('\t');
        number(r.lon());
        put('\t');
        text(r.source());
        put('\t');
        ascii(Long.toString(r.line()));
        put('\n');
        if (len >= BLOCK) {
            flush();
        }
    }

    /** Hands on what is buffered, if anything. */
    void flush() {
        if (len > 0) {
            blocks.accept(buf, len);
            buf = new byte[BLOCK + 8192];
            len = 0;
        }
    }

    private void number(Double d) {
        ascii(d == null ? "\\N" : Double.toString(d));
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
