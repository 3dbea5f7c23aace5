package kz.line102.recorder;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Small interview videos made on the spot with the FFmpeg JavaCV bundles (no binary
 * fixtures): a picture that changes every frame and a 440 Hz tone, as an interview-room
 * camera writes them (H.264 and AAC in MP4, its index after the media) or a browser's
 * MediaRecorder (VP8 and Opus in WebM).
 */
public final class Videos {

    public static final int WIDTH = 160;
    public static final int HEIGHT = 120;
    public static final int FPS = 10;
    public static final int RATE = 48_000;

    private Videos() {
    }

    /** {@code seconds} of H.264 and AAC in MP4, written as a camera does (moov after mdat). */
    public static Path mp4(Path target, int seconds) throws Exception {
        return write(target, "mp4", "libopenh264", "aac", seconds);
    }

    /** {@code seconds} of VP8 and Opus in WebM, as a browser records. */
    public static Path webm(Path target, int seconds) throws Exception {
        return write(target, "webm", "libvpx", "libopus", seconds);
    }

    /**
     * {@code seconds} of VP8 and Opus in WebM written as a browser streams it: no duration and
     * no cues (MediaRecorder cannot go back to write them), so a player cannot seek in it.
     */
    public static Path liveWebm(Path target, int seconds) throws Exception {
        return write(target, "webm", "libvpx", "libopus", seconds, true);
    }

    /** {@code seconds} of MPEG-4 part 2 and AAC in Matroska: a video of a kind the archive does not keep. */
    public static Path mpeg4Matroska(Path target, int seconds) throws Exception {
        return write(target, "matroska", "mpeg4", "aac", seconds);
    }

    private static Path write(Path target, String format, String videoCodec, String audioCodec, int seconds)
            throws Exception {
        return write(target, format, videoCodec, audioCodec, seconds, false);
    }

    private static Path write(Path target, String format, String videoCodec, String audioCodec, int seconds,
                              boolean live) throws Exception {
        try (FFmpegFrameRecorder out = new FFmpegFrameRecorder(target.toFile(), WIDTH, HEIGHT, 1)) {
            out.setFormat(format);
            if (live) {
                out.setOption("live", "1");
            }
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
            int samplesPerFrame = RATE / FPS;
            for (int f = 0; f < seconds * FPS; f++) {
                for (int i = 0; i < pixels.capacity(); i++) {
                    pixels.put(i, (byte) ((i / 3 + f * 7) & 0xff));
                }
                out.setTimestamp(f * 1_000_000L / FPS);
                out.record(picture);
                ShortBuffer tone = ShortBuffer.allocate(samplesPerFrame);
                for (int s = 0; s < samplesPerFrame; s++) {
                    long n = (long) f * samplesPerFrame + s;
                    tone.put(s, (short) (8000 * Math.sin(2 * Math.PI * 440 * n / RATE)));
                }
                out.recordSamples(RATE, 1, tone);
            }
            out.stop();
        }
        return target;
    }
}
