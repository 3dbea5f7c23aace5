package kz.line102.recorder.transcode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a WAV file's RIFF header and measures it against the file. MixMonitor writes the
 * header's sizes only when it closes the file: a file cut by a PBX crash, or one still
 * being written, has zero sizes although it holds the audio. So the sizes are never
 * trusted: the audio is what lies after the data chunk's header, and a header that says
 * otherwise (zero, too short, too long) makes the file {@link WavInfo#truncated() truncated}
 * with the reason. What the file holds is archived; nothing is thrown away for a header.
 */
public final class WavProbe {

    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final int MULAW = 7;
    private static final int ALAW = 6;

    private WavProbe() {
    }

    /** Whether {@code file} starts as a RIFF/WAVE file does (one too short to say is not). */
    public static boolean isRiff(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = read(ch, 0, 12);
            return head.remaining() >= 12 && head.getInt(0) == 0x46464952 && head.getInt(8) == 0x45564157;
        }
    }

    /**
     * What {@code file} holds; a file of zero bytes is an empty recording.
     *
     * @throws CorruptRecordingException when it is not a RIFF/WAVE file or its header is
     *                                   damaged (cut before the data chunk starts)
     */
    public static WavInfo probe(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return new WavInfo(PCM, 1, 8000, 16, 0, 0, null);
            }
            ByteBuffer head = read(ch, 0, 12);
            if (head.remaining() < 12 || head.getInt(0) != 0x46464952 || head.getInt(8) != 0x45564157) {
                throw new CorruptRecordingException("not a RIFF/WAVE file (" + size + " bytes)");
            }
            long pos = 12;
            WavInfo fmt = null;
            while (pos + 8 <= size) {
                ByteBuffer chunk = read(ch, pos, 8);
                int id = chunk.getInt(0);
                long len = Integer.toUnsignedLong(chunk.getInt(4));
                long body = pos + 8;
                if (id == 0x20746d66) { // "fmt "
                    fmt = readFormat(ch, body, len, size);
                } else if (id == 0x61746164) { // "data"
                    if (fmt == null) {
                        throw new CorruptRecordingException("data chunk before fmt chunk");
                    }
                    return data(ch, fmt, body, len, size);
                }
                pos = body + len + (len & 1);
            }
            throw new CorruptRecordingException(fmt == null ? "no fmt chunk" : "no data chunk");
        }
    }

    private static WavInfo data(FileChannel ch, WavInfo fmt, long body, long declared, long size) throws IOException {
        long available = size - body;
        String reason = null;
        long bytes = declared;
        if (declared == 0 && available > 0) {
            reason = "header declares no audio but the file holds " + available
                    + " bytes after it (not closed by the PBX: a crash, or still recording)";
            bytes = available;
        } else if (declared > available) {
            reason = "truncated: header declares " + declared + " bytes of audio, the file holds " + available;
            bytes = available;
        } else if (declared < available && !chunkFollows(ch, body + declared + (declared & 1), size)) {
            reason = "header declares " + declared + " bytes of audio, the file holds " + available
                    + " (header not updated when the file was last written)";
            bytes = available;
        }
        int frame = Math.max(1, fmt.channels() * (fmt.bitsPerSample() / 8));
        bytes -= bytes % frame;
        return new WavInfo(fmt.format(), fmt.channels(), fmt.sampleRate(), fmt.bitsPerSample(), body, bytes, reason);
    }

    /** Whether a well-formed chunk header (four printable characters) sits at {@code at}. */
    private static boolean chunkFollows(FileChannel ch, long at, long size) throws IOException {
        if (at + 8 > size) {
            return at >= size; // nothing, or a pad byte: the declared size was right
        }
        ByteBuffer b = read(ch, at, 4);
        for (int i = 0; i < 4; i++) {
            int c = b.get(i) & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static WavInfo readFormat(FileChannel ch, long at, long len, long size) throws IOException {
        if (len < 16 || at + 16 > size) {
            throw new CorruptRecordingException("fmt chunk too short");
        }
        ByteBuffer b = read(ch, at, 16);
        int format = Short.toUnsignedInt(b.getShort(0));
        int channels = Short.toUnsignedInt(b.getShort(2));
        int rate = b.getInt(4);
        int bits = Short.toUnsignedInt(b.getShort(14));
        boolean known = format == PCM || format == EXTENSIBLE || format == MULAW || format == ALAW;
        if (!known || channels < 1 || channels > 8 || rate < 1000 || rate > 192000 || bits < 8 || bits > 32) {
            throw new CorruptRecordingException("unusable fmt chunk: format " + format + ", " + channels
                    + " channels, " + rate + " Hz, " + bits + " bits");
        }
        return new WavInfo(format, channels, rate, bits, 0, 0, null);
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                break;
            }
        }
        b.flip();
        return b;
    }
}
