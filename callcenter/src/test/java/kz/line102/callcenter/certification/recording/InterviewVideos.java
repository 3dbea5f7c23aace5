package kz.line102.callcenter.certification.recording;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Small interview videos made in the test with the FFmpeg the recorder bundles (no binary
 * fixtures): a changing picture and a tone, as a camera (H.264 and AAC in MP4) or a browser
 * (VP8 and Opus in WebM) records them, or in a kind the archive does not keep.
 */
final class InterviewVideos {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;
    private static final int FPS = 10;
    private static final int RATE = 48_000;

    private InterviewVideos() {
    }

    static Path webm(Path target, int seconds) throws Exception {
        return write(target, "webm", "libvpx", "libopus", seconds);
    }

    static Path mp4(Path target, int seconds) throws Exception {
        return write(target, "mp4", "libopenh264", "aac", seconds);
    }

    static Path mpeg4Matroska(Path target, int seconds) throws Exception {
        return write(target, "matroska", "mpeg4", "aac", seconds);
    }

    private static Path write(Path target, String format, String videoCodec, String audioCodec, int seconds)
            throws Exception {
        try (FFmpegFrameRecorder out = new FFmpegFrameRecorder(target.toFile(), WIDTH, HEIGHT, 1)) {
            out.setFormat(format);
            out.setVideoCodecName(videoCodec);
            out.setAudioCodecName(audioCodec);
            out.setFrameRate(FPS);
            out.setGopSize(FPS);
            out.setVideoBitrate(200_000);
            out.setSampleRate(RATE);
            out.setAudioBitrate(64_000);
            out.start();
            Frame picture = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
            ByteBuffer pixels = (ByteBuffer) picture.image[0];
            int perFrame = RATE / FPS;
            for (int f = 0; f < seconds * FPS; f++) {
                for (int i = 0; i < pixels.capacity(); i++) {
                    pixels.put(i, (byte) ((i / 3 + f * 7) & 0xff));
                }
                out.setTimestamp(f * 1_000_000L / FPS);
                out.record(picture);
                ShortBuffer tone = ShortBuffer.allocate(perFrame);
                for (int s = 0; s < perFrame; s++) {
                    tone.put(s, (short) (8000 * Math.sin(2 * Math.PI * 440 * ((long) f * perFrame + s) / RATE)));
                }
                out.recordSamples(RATE, 1, tone);
            }
            out.stop();
        }
        return target;
    }
}
