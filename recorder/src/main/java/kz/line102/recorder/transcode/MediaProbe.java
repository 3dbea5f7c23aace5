package kz.line102.recorder.transcode;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * What an uploaded file holds, as FFmpeg reads its header: whether it has audio and
 * whether it has a moving picture (a cover image in an MP3 or M4A is not one).
 */
public final class MediaProbe {

    /** @param format FFmpeg's name of the container ({@code wav}, {@code mp3}, {@code ogg}, …) */
    public record Media(String format, boolean audio, boolean video) {
    }

    private MediaProbe() {
    }

    /** @throws CorruptRecordingException when FFmpeg cannot read the file */
    public static Media probe(Path file) {
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(file.toFile())) {
            try {
                in.start();
            } catch (FrameGrabber.Exception e) {
                throw new CorruptRecordingException("FFmpeg cannot read the file: " + e.getMessage(), e);
            }
            boolean video = false;
            AVFormatContext ctx = in.getFormatContext();
            for (int i = 0; i < ctx.nb_streams(); i++) {
                AVStream s = ctx.streams(i);
                if (s.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO
                        && (s.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                    video = true;
                }
            }
            Media media = new Media(in.getFormat(), in.getAudioChannels() > 0 && in.getSampleRate() > 0, video);
            in.stop();
            return media;
        } catch (FrameGrabber.Exception e) {
            throw new CorruptRecordingException("FFmpeg cannot close the file: " + e.getMessage(), e);
        }
    }
}
