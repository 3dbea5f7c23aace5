package kz.line102.cti.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes of an AMI session capture into its banner and blocks.
 *
 * <p>Bytes are decoded as ISO-8859-1 so that every byte maps to one char and the
 * replay writes back exactly what Asterisk sent, whatever the encoding.
 */
final class CaptureParser {

    record Capture(String banner, List<CapturedBlock> blocks) {
    }

    private CaptureParser() {
    }

    static Capture parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int bannerEnd = text.indexOf("\r\n");
        if (bannerEnd < 0) {
            throw new IllegalArgumentException("capture has no banner line");
        }
        String banner = text.substring(0, bannerEnd);
        List<CapturedBlock> blocks = new ArrayList<>();
        List<CapturedBlock.Header> current = new ArrayList<>();
        int pos = bannerEnd + 2;
        while (pos < text.length()) {
            int eol = text.indexOf("\r\n", pos);
            // A capture cut by a closing socket may end without CRLF: the rest is a last line.
            String line = eol < 0 ? text.substring(pos) : text.substring(pos, eol);
            pos = eol < 0 ? text.length() : eol + 2;
            if (line.isEmpty()) {
                flush(current, blocks);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                // Command output in old Asterisk versions had no key; keep it as a nameless value.
                current.add(new CapturedBlock.Header("", line));
                continue;
            }
            String name = line.substring(0, colon);
            // "Key: Value": exactly one space after the colon; an empty value still has it.
            int valueStart = colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
            current.add(new CapturedBlock.Header(name, line.substring(valueStart)));
        }
        flush(current, blocks);
        return new Capture(banner, blocks);
    }

    private static void flush(List<CapturedBlock.Header> current, List<CapturedBlock> blocks) {
        if (!current.isEmpty()) {
            blocks.add(new CapturedBlock(current));
            current.clear();
        }
    }
}
