package kz.line102.recorder.transcode;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * What an uploaded file holds, as FFmpeg reads its header: whether it has audio and
 * whether it has a moving picture (a cover image in an MP3 or M4A is not one), and in
 * which codecs, so a video can be judged before a byte of it is archived.
 */
public final class MediaProbe {

    /**
     * @param format     FFmpeg's name of the container ({@code wav}, {@code mp3}, {@code ogg},
     *                   {@code mov,mp4,m4a,3gp,3g2,mj2}, {@code matroska,webm}, …)
     * @param videoCodec FFmpeg's name of the first moving picture's codec ({@code h264},
     *                   {@code vp8}, …), or null
     * @param audioCodec FFmpeg's name of the first sound's codec ({@code aac}, {@code opus}, …),
     *                   or null
     */
    public record Media(String format, boolean audio, boolean video, String videoCodec, String audioCodec) {

        /** The container a video of this kind is archived in as it is, or null when it is not one. */
        public VideoContainer videoContainer() {
            return video ? VideoContainer.of(this) : null;
        }
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
            String videoCodec = null;
            String audioCodec = null;
            AVFormatContext ctx = in.getFormatContext();
            for (int i = 0; i < ctx.nb_streams(); i++) {
                AVStream s = ctx.streams(i);
                AVCodecParameters p = s.codecpar();
                if (p.codec_type() == avutil.AVMEDIA_TYPE_VIDEO && videoCodec == null
                        && (s.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                    videoCodec = codecName(p);
                } else if (p.codec_type() == avutil.AVMEDIA_TYPE_AUDIO && audioCodec == null) {
                    audioCodec = codecName(p);
                }
            }
            Media media = new Media(in.getFormat(), in.getAudioChannels() > 0 && in.getSampleRate() > 0,
                    videoCodec != null, videoCodec, audioCodec);
            in.stop();
            return media;
        } catch (FrameGrabber.Exception e) {
            throw new CorruptRecordingException("FFmpeg cannot close the file: " + e.getMessage(), e);
        }
    }

    static String codecName(AVCodecParameters p) {
        return avcodec.avcodec_get_name(p.codec_id()).getString();
    }
}
