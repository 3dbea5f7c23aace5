package kz.line102.recorder.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

import kz.line102.recorder.RecorderProperties;

/**
 * Encodes a recording to Opus in Ogg with the FFmpeg that JavaCV bundles, and decodes the
 * result back to measure its length: the archive copy is accepted only if it plays for as
 * long as the source did. Stateless and thread-safe: every call opens its own codec
 * contexts.
 */
public final class Transcoder {

    public static final String CODEC = "opus/ogg";
    private static final int[] OPUS_RATES = {8000, 12000, 16000, 24000, 48000};

    static {
        // FFmpeg's own log goes to stderr; keep only its errors (ours carry the call id).
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final RecorderProperties.Transcode config;

    public Transcoder(RecorderProperties.Transcode config) {
        this.config = config;
    }

    /**
     * Encodes {@code source} into {@code target} (overwritten) and decodes {@code target}
     * back.
     *
     * @throws CorruptRecordingException  when FFmpeg cannot read the source
     * @throws TranscodeFailedException   when the encoder fails on a readable source
     */
    public TranscodeResult transcode(Path source, Path target) throws IOException {
        encode(source, target);
        Duration decoded = decodedDuration(target);
        return new TranscodeResult(target, Files.size(target), decoded, CODEC);
    }

    private void encode(Path source, Path target) {
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(source.toFile())) {
            try {
                in.start();
            } catch (FrameGrabber.Exception e) {
                throw new CorruptRecordingException("FFmpeg cannot read the source: " + e.getMessage(), e);
            }
            if (in.getAudioChannels() < 1 || in.getSampleRate() < 1) {
                throw new CorruptRecordingException("the source has no audio stream");
            }
            try (FFmpegFrameRecorder out = new FFmpegFrameRecorder(target.toFile(), 1)) {
                out.setFormat("ogg");
                out.setAudioCodecName("libopus");
                out.setAudioBitrate(config.bitrate());
                out.setSampleRate(outputRate(in.getSampleRate()));
                out.setAudioChannels(1);
                // voip: the encoder favours speech intelligibility; the archive holds calls.
                out.setAudioOption("application", "voip");
                out.setAudioOption("compression_level", Integer.toString(config.complexity()));
                // Same input, same bytes: a re-run after a crash produces the same file and hash.
                out.setOption("fflags", "+bitexact");
                out.setAudioOption("flags", "+bitexact");
                out.start();
                Frame frame;
                while ((frame = grab(in)) != null) {
                    if (frame.samples != null) {
                        out.record(frame);
                    }
                }
                out.stop();
            }
        } catch (FrameRecorder.Exception e) {
            throw new TranscodeFailedException("Opus encode failed: " + e.getMessage(), e);
        } catch (FrameGrabber.Exception e) {
            throw new TranscodeFailedException("closing the source failed: " + e.getMessage(), e);
        }
    }

    private static Frame grab(FFmpegFrameGrabber in) {
        try {
            return in.grabSamples();
        } catch (FrameGrabber.Exception e) {
            throw new CorruptRecordingException("FFmpeg cannot decode the source: " + e.getMessage(), e);
        }
    }

    /** The length of {@code file}'s audio, by decoding every packet (not trusting the container). */
    public Duration decodedDuration(Path file) {
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(file.toFile())) {
            in.start();
            int rate = in.getSampleRate();
            long samples = 0;
            Frame frame;
            while ((frame = in.grabSamples()) != null) {
                if (frame.samples != null) {
                    // Packed audio holds all channels in one buffer, planar one buffer per channel.
                    int perBuffer = frame.samples.length == 1 ? Math.max(1, frame.audioChannels) : 1;
                    samples += frame.samples[0].limit() / perBuffer;
                }
            }
            in.stop();
            return Duration.ofNanos(samples * 1_000_000_000L / rate);
        } catch (FrameGrabber.Exception e) {
            throw new TranscodeVerificationException("the encoded copy does not decode: " + e.getMessage());
        }
    }

    private int outputRate(int sourceRate) {
        if (config.sampleRate() != 0) {
            return config.sampleRate();
        }
        for (int rate : OPUS_RATES) {
            if (rate >= sourceRate) {
                return rate;
            }
        }
        return 48000;
    }
}
