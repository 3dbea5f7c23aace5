package kz.line102.recorder.transcode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a WAV file's RIFF header and checks it against the file. FFmpeg decodes a
 * truncated WAV without complaint (it stops at the end of the file), so a header that
 * promises more audio than the file holds is caught here: such a file is the sign of a
 * PBX that died mid-call or a copy cut short, and must not become the archive copy.
 */
public final class WavProbe {

    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final int MULAW = 7;
    private static final int ALAW = 6;

    private WavProbe() {
    }

    /**
     * The header of {@code file}; a file of zero bytes is an empty recording.
     *
     * @throws CorruptRecordingException when it is not a RIFF/WAVE file, its header is
     *                                   damaged, or its data chunk is shorter than declared
     */
    public static WavInfo probe(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return new WavInfo(PCM, 1, 8000, 16, 0);
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
                    long available = size - body;
                    if (len > available) {
                        throw new CorruptRecordingException("truncated: header declares " + len
                                + " bytes of audio, the file holds " + available);
                    }
                    return new WavInfo(fmt.format(), fmt.channels(), fmt.sampleRate(), fmt.bitsPerSample(), len);
                }
                pos = body + len + (len & 1);
            }
            throw new CorruptRecordingException(fmt == null ? "no fmt chunk" : "no data chunk");
        }
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
        return new WavInfo(format, channels, rate, bits, 0);
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
