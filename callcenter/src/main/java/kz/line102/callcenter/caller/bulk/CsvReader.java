package kz.line102.callcenter.caller.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads RFC 4180 CSV from a stream of bytes without holding more than one record:
 * quoted commas, doubled quotes and line breaks inside quotes, CRLF or LF, a UTF-8
 * BOM. It splits on bytes (every delimiter is ASCII, so this is safe in UTF-8) and
 * decodes each field strictly, so a row in another encoding becomes that row's error
 * instead of silently garbled text. A record longer than {@code maxRecordBytes}
 * (typically a quote never closed) is reported and skipped to the next line.
 */
final class CsvReader {

    private static final int EOF = -1;

    private final InputStream in;
    private final int maxRecordBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long line = 1;
    private boolean started;

    private byte[] field = new byte[256];
    private int fieldLength;
    private int recordBytes;
    private final List<String> fields = new ArrayList<>();
    private String error;
    private String errorCode;
    private List<Object> errorArgs = List.of();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    CsvReader(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The next record, or null at the end; blank lines are skipped. */
    CsvRecord next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (true) {
            long start = line;
            fields.clear();
            fieldLength = 0;
            recordBytes = 0;
            error = null;
            errorCode = null;
            errorArgs = List.of();
            int c = read();
            if (c == EOF) {
                return null;
            }
            boolean any = readRecord(c);
            if (!any) {
                continue;
            }
            return new CsvRecord(start, List.copyOf(fields), error, errorCode, errorArgs);
        }
    }

    /** @return false for a blank line */
    private boolean readRecord(int first) throws IOException {
        int c = first;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStart = true;
        while (true) {
            if (c == EOF) {
                if (quoted) {
                    fail("unclosed-quote", List.of(), "a quoted field is not closed before the end of the file");
                }
                endField();
                return true;
            }
            if (++recordBytes > maxRecordBytes) {
                fail("record-too-long", List.of(maxRecordBytes), "record longer than " + maxRecordBytes
                        + " bytes (a quote not closed?); skipped to the next line");
                skipLine(c);
                return true;
            }
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(c);
                }
            } else if (c == ',') {
                endField();
                fieldStart = true;
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d != EOF) {
                        unread();
                    }
                }
                line++;
                if (fieldStart && fields.isEmpty() && !afterQuote) {
                    return false;
                }
                endField();
                return true;
            } else if (c == '"') {
                if (afterQuote) {
                    append('"');
                    quoted = true;
                    afterQuote = false;
                } else if (fieldStart) {
                    quoted = true;
                } else {
                    fail("quote-in-field", List.of(),
                            "a quote inside an unquoted field (quote the whole field and double the quote)");
                    append(c);
                }
            } else {
                if (afterQuote) {
                    fail("text-after-quote", List.of(), "text after the closing quote of a field");
                }
                append(c);
            }
            if (c != ',') {
                fieldStart = false;
            }
            c = read();
        }
    }

    private void endField() {
        String value;
        if (isAscii()) {
            value = new String(field, 0, fieldLength, StandardCharsets.ISO_8859_1);
        } else {
            try {
                CharBuffer chars = utf8.decode(ByteBuffer.wrap(field, 0, fieldLength));
                value = chars.toString();
            } catch (CharacterCodingException e) {
                fail("not-utf8", List.of(fields.size() + 1), "field " + (fields.size() + 1)
                        + " is not valid UTF-8 (the file must be UTF-8; "
                        + "a Windows-1251 export has to be saved as UTF-8 first)");
                value = "";
            }
        }
        fields.add(value);
        fieldLength = 0;
    }

    private boolean isAscii() {
        for (int i = 0; i < fieldLength; i++) {
            if (field[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private void fail(String code, List<Object> args, String reason) {
        if (error == null) {
            error = reason;
            errorCode = code;
            errorArgs = args;
        }
    }

    private void append(int c) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = (byte) c;
    }

    private void skipLine(int c) throws IOException {
        while (c != EOF && c != '\n') {
            c = read();
        }
        if (c == '\n') {
            line++;
        }
        fieldLength = 0;
    }

    private void skipByteOrderMark() throws IOException {
        int a = read();
        if (a == 0xEF) {
            if (read() == 0xBB && read() == 0xBF) {
                return;
            }
            throw CsvFileException.encoding("the file starts with a broken UTF-8 byte order mark");
        }
        if (a == 0xFF || a == 0xFE) {
            throw CsvFileException.encoding("the file is UTF-16 (byte order mark " + Integer.toHexString(a)
                    + "); only UTF-8 is accepted: save it as UTF-8");
        }
        if (a == 0) {
            throw CsvFileException.encoding("the file starts with a NUL byte (UTF-16 or UTF-32?); only UTF-8 is accepted");
        }
        if (a != EOF) {
            unread();
        }
    }

    private int read() throws IOException {
        if (pos == lim) {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                pos = lim = 0;
                return EOF;
            }
            pos = 0;
            lim = n;
        }
        return buf[pos++] & 0xFF;
    }

    /** Only ever called right after a successful {@link #read()}, so the byte is still in the buffer. */
    private void unread() {
        pos--;
    }
}
