package kz.line102.cti.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AMI from the socket in front of asterisk-java's parser and hands it only whole,
 * well-formed, wanted blocks, line by line. asterisk-java itself reads unbounded lines,
 * silently drops what it cannot map, and parses every event by reflection on its single
 * reader thread; doing the checks and the filtering here, on raw lines, keeps memory
 * bounded, makes every problem a counted and logged one, and spares the parser most of
 * the traffic. A block is only released once its blank line has arrived, so a connection
 * cut mid-event never yields half an event. Not thread-safe: one reader thread.
 */
final class AmiBlockReader {

    private static final int EOF = -1;
    private static final int OVERSIZED = -2;

    private final InputStream in;
    private final int maxLine;
    private final int maxBlock;
    private final AmiEventFilter filter;
    private final AmiInputListener listener;
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private final byte[] line;
    private int lineLength;
    private long skipped;
    private boolean partialAtEof;
    private boolean sawFirstLine;
    private final ArrayDeque<String> pending = new ArrayDeque<>();

    AmiBlockReader(InputStream in, int maxLineBytes, int maxBlockBytes, AmiEventFilter filter,
                   AmiInputListener listener) {
        this.in = in;
        this.maxLine = maxLineBytes;
        this.maxBlock = maxBlockBytes;
        this.filter = filter;
        this.listener = listener;
        this.line = new byte[maxLineBytes];
    }

    /** The next line of an accepted block ({@code ""} ends a block), or null at end of stream. */
    String readLine() throws IOException {
        while (pending.isEmpty()) {
            if (!readBlock()) {
                return null;
            }
        }
        return pending.poll();
    }

    private boolean readBlock() throws IOException {
        Block block = new Block();
        while (true) {
            int n;
            try {
                n = readRawLine();
            } catch (IOException e) {
                if (!block.lines.isEmpty() || block.poisoned || lineLength > 0) {
                    truncated(block, "failed (" + e.getMessage() + ")");
                }
                throw e;
            }
            if (n == EOF) {
                if (!block.lines.isEmpty() || block.poisoned || partialAtEof) {
                    truncated(block, "ended");
                }
                return false;
            }
            if (n == OVERSIZED) {
                listener.malformed(MalformedInput.OVERSIZED_LINE, "line of " + skipped + " bytes (limit " + maxLine
                        + ") in block " + block.describe() + "; block dropped");
                block.poison();
                continue;
            }
            block.bytes += n + 2;
            String text = decode(n, block);
            if (!sawFirstLine) {
                sawFirstLine = true;
                if (text.contains("Call Manager/") || text.contains("Manager Proxy/")) {
                    pending.add(text);
                    return true;
                }
            }
            if (text.isEmpty()) {
                if (block.lines.isEmpty() && !block.poisoned) {
                    continue;
                }
                finish(block);
                return true;
            }
            if (block.poisoned) {
                continue;
            }
            if (block.bytes > maxBlock) {
                listener.malformed(MalformedInput.OVERSIZED_BLOCK, "block " + block.describe() + " passed "
                        + maxBlock + " bytes at line " + (block.lines.size() + 1) + "; block dropped");
                block.poison();
                continue;
            }
            block.add(text, listener);
        }
    }

    private void truncated(Block block, String how) {
        listener.malformed(MalformedInput.TRUNCATED_BLOCK, "connection " + how + " inside block " + block.describe()
                + " after " + block.lines.size() + " lines, " + (block.bytes + lineLength) + " bytes; block dropped");
    }

    private void finish(Block block) {
        if (block.poisoned) {
            return;
        }
        if (block.starts > 1) {
            listener.malformed(MalformedInput.MERGED_BLOCK, block.starts + " Event/Response headers in one block of "
                    + block.lines.size() + " lines (" + block.describe() + "); block dropped");
            return;
        }
        if (block.starts == 0) {
            listener.malformed(MalformedInput.HEADERLESS_BLOCK, "block of " + block.lines.size()
                    + " lines with neither Event nor Response, first line '" + abbreviate(block.lines.get(0))
                    + "'; block dropped");
            return;
        }
        if (block.event != null && !block.hasActionId && !filter.keeps(block.event, block.variable)) {
            listener.filtered(block.event);
            return;
        }
        pending.addAll(block.lines);
        pending.add("");
    }

    private String decode(int n, Block block) {
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(line, 0, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            String repaired = new String(line, 0, n, StandardCharsets.UTF_8);
            listener.malformed(MalformedInput.INVALID_UTF8, "invalid UTF-8 in a line of " + n + " bytes of block "
                    + block.describe() + ": '" + abbreviate(repaired) + "'; bad bytes replaced by U+FFFD");
            return repaired;
        }
    }

    /** Reads one line (without CR LF) into {@link #line}; returns its length, EOF or OVERSIZED. */
    private int readRawLine() throws IOException {
        lineLength = 0;
        skipped = 0;
        partialAtEof = false;
        boolean oversized = false;
        while (true) {
            if (pos == limit && !fill()) {
                partialAtEof = lineLength > 0 || oversized;
                return EOF;
            }
            byte b = buf[pos++];
            if (b == '\n') {
                if (oversized) {
                    return OVERSIZED;
                }
                int n = lineLength;
                if (n > 0 && line[n - 1] == '\r') {
                    n--;
                }
                return n;
            }
            if (oversized) {
                skipped++;
            } else if (lineLength == line.length) {
                oversized = true;
                skipped = lineLength + 1L;
            } else {
                line[lineLength++] = b;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    static String abbreviate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }

    /** The block being read: its lines and what its headers say. */
    private static final class Block {
        final List<String> lines = new ArrayList<>();
        int bytes;
        int starts;
        boolean poisoned;
        boolean hasActionId;
        boolean follows;
        String event;
        String variable;

        void add(String text, AmiInputListener listener) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                if (follows) {
                    lines.add(text);
                } else {
                    listener.malformed(MalformedInput.GARBAGE_LINE, "line without 'Key: Value' in block "
                            + describe() + ": '" + abbreviate(text) + "' (" + text.length() + " chars); line dropped");
                }
                return;
            }
            String key = text.substring(0, colon).trim();
            if (key.equalsIgnoreCase("Event")) {
                starts++;
                event = text.substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT);
            } else if (key.equalsIgnoreCase("Response") && lines.isEmpty()) {
                // Only as the first line: OriginateResponse events carry a Response field too.
                starts++;
                follows = text.substring(colon + 1).trim().equalsIgnoreCase("Follows");
            } else if (key.equalsIgnoreCase("ActionID")) {
                hasActionId = true;
            } else if (key.equalsIgnoreCase("Variable")) {
                variable = text.substring(colon + 1).trim();
            }
            lines.add(text);
        }

        void poison() {
            poisoned = true;
            lines.clear();
        }

        String describe() {
            return event != null ? "'" + event + "'" : lines.isEmpty() ? "(start)" : "'" + abbreviate(lines.get(0)) + "'";
        }
    }
}
