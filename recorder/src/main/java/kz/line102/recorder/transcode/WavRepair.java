package kz.line102.recorder.transcode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a copy of a WAV whose header's sizes are those {@link WavProbe} measured, so the
 * decoder reads exactly the audio the file holds (FFmpeg would otherwise stop at a zero
 * data size or run into whatever follows). Only ever applied to a scratch copy: the
 * PBX's file is never written.
 */
public final class WavRepair {

    private WavRepair() {
    }

    /** Copies {@code source} into {@code target} with corrected RIFF and data sizes; returns {@code target}. */
    public static Path repaired(Path source, WavInfo info, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            long copied = 0;
            long total = info.dataOffset() + info.dataBytes();
            while (copied < total) {
                long n = in.transferTo(copied, total - copied, out);
                if (n <= 0) {
                    break;
                }
                copied += n;
            }
            ByteBuffer riff = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            riff.putInt(0, (int) (total - 8));
            out.write(riff, 4);
            ByteBuffer data = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            data.putInt(0, (int) info.dataBytes());
            out.write(data, info.dataOffset() - 4);
        }
        return target;
    }
}
