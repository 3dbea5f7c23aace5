package kz.line102.recorder.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

import kz.line102.recorder.UnsupportedMediaException;

/**
 * Archives an interview's video without re-encoding it: its picture and sound packets are
 * copied as they are into a clean file of the same kind (an MP4 with its index in front, so
 * a ranged player starts at once; a WebM with cues and a duration, which a MediaRecorder's
 * file lacks), then the copy is read back whole: it must demux, hold a picture, and last as
 * long as the source's packets did (and as its header said, when it said). Copying costs
 * what reading the file costs, where an encode would take as long as the interview. Other
 * streams (a camera's timecode or data track, a second sound) are left out. Stateless and
 * thread-safe: every call opens its own contexts.
 */
public final class VideoRemuxer {

    private static final AVRational MICROS = av_make_q(1, 1_000_000);
    private static final int ENOSPC = -28;
    private static final int EIO = -5;
    private static final int EDQUOT = -122;

    private final Duration tolerance;

    public VideoRemuxer(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * How long a file's picture lasts by its packets, and what its header declared. The
     * picture, not the sound: a picture's frame durations are what players trust, while a
     * sound track's packet durations are sometimes written wrong (in the wrong time base).
     */
    private record Span(long firstMicros, long lastMicros, long lastFrameMicros, long videoPackets,
                        long declaredMicros) {

        static Span none(long declaredMicros) {
            return new Span(Long.MAX_VALUE, Long.MIN_VALUE, 0, 0, declaredMicros);
        }

        Duration duration() {
            return videoPackets == 0 ? Duration.ZERO
                    : Duration.ofNanos(Math.max(0, lastMicros + lastFrameMicros - firstMicros) * 1000);
        }
    }

    /**
     * Copies the video {@code source} into {@code scratchDir/archive.<mp4|webm>} and reads the
     * copy back.
     *
     * @throws CorruptRecordingException      when the source is not an accepted video or cannot be
     *                                        read to its end (cut short, damaged)
     * @throws TranscodeVerificationException when the copy does not read back as the source
     * @throws TranscodeFailedException       when writing the copy fails (disk)
     */
    public TranscodeResult remux(Path source, Path scratchDir) throws IOException {
        MediaProbe.Media media = MediaProbe.probe(source);
        VideoContainer container = media.videoContainer();
        if (container == null) {
            throw new CorruptRecordingException("not a video the archive keeps as it is (" + media.format() + ", "
                    + media.videoCodec() + ", " + media.audioCodec() + "): " + UnsupportedMediaException.ACCEPTED_VIDEO);
        }
        Path target = scratchDir.resolve("archive." + container.extension());
        Span read = copy(source, target, container);
        Span copied = readBack(target, container);
        verify(read, copied, container, target);
        return new TranscodeResult(target, Files.size(target), copied.duration(),
                container.codec(media.videoCodec(), media.audioCodec()));
    }

    private Span copy(Path source, Path target, VideoContainer container) {
        AVFormatContext in = open(source, "the video");
        AVFormatContext out = new AVFormatContext(null);
        AVPacket pkt = av_packet_alloc();
        try {
            int ret = avformat_alloc_output_context2(out, null, container.muxer(), target.toString());
            if (ret < 0) {
                throw new TranscodeFailedException("no " + container.muxer() + " muxer: " + error(ret), null);
            }
            int[] map = addStreams(in, out);
            AVIOContext pb = new AVIOContext(null);
            ret = avio_open(pb, target.toString(), AVIO_FLAG_WRITE);
            if (ret < 0) {
                throw new TranscodeFailedException("cannot write " + target + ": " + error(ret), null);
            }
            out.pb(pb);
            AVDictionary options = new AVDictionary(null);
            // Same packets, same bytes: a re-run after a crash stores the same file under the same hash.
            av_dict_set(options, "fflags", "+bitexact", 0);
            if (container == VideoContainer.MP4) {
                av_dict_set(options, "movflags", "+faststart", 0);
            }
            ret = avformat_write_header(out, options);
            av_dict_free(options);
            if (ret < 0) {
                throw new CorruptRecordingException("the " + container.muxer() + " muxer refuses the video's streams: "
                        + error(ret));
            }
            Span span = Span.none(declared(in));
            long packets = 0;
            while ((ret = av_read_frame(in, pkt)) >= 0) {
                int i = pkt.stream_index();
                if (i >= map.length || map[i] < 0) {
                    av_packet_unref(pkt);
                    continue;
                }
                AVStream from = in.streams(i);
                span = add(span, pkt, from);
                av_packet_rescale_ts(pkt, from.time_base(), out.streams(map[i]).time_base());
                pkt.stream_index(map[i]);
                pkt.pos(-1);
                packets++;
                ret = av_interleaved_write_frame(out, pkt);
                if (ret < 0) {
                    throw writeFailed("packet " + packets + " cannot be copied", ret);
                }
            }
            if (ret != AVERROR_EOF) {
                throw new CorruptRecordingException("the video cannot be read past packet " + packets + ": "
                        + error(ret));
            }
            ret = av_write_trailer(out);
            if (ret < 0) {
                throw writeFailed("the copy cannot be finished", ret);
            }
            return span;
        } finally {
            av_packet_free(pkt);
            if (out.pb() != null && !out.pb().isNull()) {
                avio_closep(out.pb());
            }
            avformat_free_context(out);
            avformat_close_input(in);
        }
    }

    /** The first moving picture and the first sound, in that order; returns each input stream's output index. */
    private static int[] addStreams(AVFormatContext in, AVFormatContext out) {
        int video = -1;
        int audio = -1;
        for (int i = 0; i < in.nb_streams(); i++) {
            AVStream s = in.streams(i);
            int type = s.codecpar().codec_type();
            if (type == AVMEDIA_TYPE_VIDEO && video < 0 && (s.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                video = i;
            } else if (type == AVMEDIA_TYPE_AUDIO && audio < 0) {
                audio = i;
            }
        }
        int[] map = new int[in.nb_streams()];
        Arrays.fill(map, -1);
        for (int i : new int[] {video, audio}) {
            if (i < 0) {
                continue;
            }
            AVStream from = in.streams(i);
            AVStream to = avformat_new_stream(out, null);
            if (to == null || avcodec_parameters_copy(to.codecpar(), from.codecpar()) < 0) {
                throw new TranscodeFailedException("cannot add stream " + i + " to the copy", null);
            }
            to.codecpar().codec_tag(0); // the target container writes its own tag for the codec
            to.time_base(from.time_base());
            map[i] = to.index();
        }
        return map;
    }

    /** Reads every packet of the copy (without decoding) to measure what it holds. */
    private Span readBack(Path copy, VideoContainer container) {
        AVFormatContext in = open(copy, "the copy");
        AVPacket pkt = av_packet_alloc();
        try {
            Span span = Span.none(declared(in));
            int ret;
            while ((ret = av_read_frame(in, pkt)) >= 0) {
                span = add(span, pkt, in.streams(pkt.stream_index()));
                av_packet_unref(pkt);
            }
            if (ret != AVERROR_EOF) {
                throw new TranscodeVerificationException("the " + container.extension() + " copy cannot be read to its"
                        + " end: " + error(ret));
            }
            return span;
        } finally {
            av_packet_free(pkt);
            avformat_close_input(in);
        }
    }

    private void verify(Span source, Span copy, VideoContainer container, Path target) throws IOException {
        if (source.videoPackets() == 0 || source.duration().isZero()) {
            throw new CorruptRecordingException("the video holds no picture to archive (" + source.videoPackets()
                    + " picture packets, " + source.duration() + ")");
        }
        if (source.declaredMicros() > 0) {
            // A file cut short keeps the header that promised the whole: archive it only whole. The
            // header counts the sound too, which may run on a little past the picture.
            Duration declared = Duration.ofNanos(source.declaredMicros() * 1000);
            Duration allowed = max(max(tolerance, Duration.ofSeconds(1)), declared.dividedBy(100));
            if (declared.minus(source.duration()).compareTo(allowed) > 0) {
                throw new CorruptRecordingException("the video holds " + source.duration() + " of the " + declared
                        + " its header declares: cut short or damaged");
            }
        }
        if (copy.videoPackets() != source.videoPackets()) {
            throw new TranscodeVerificationException("the copy holds " + copy.videoPackets() + " picture packets, the"
                    + " source " + source.videoPackets());
        }
        if (copy.duration().minus(source.duration()).abs().compareTo(tolerance) > 0) {
            throw new TranscodeVerificationException("the copy plays " + copy.duration() + ", the source "
                    + source.duration());
        }
        if (container == VideoContainer.MP4 && !indexFirst(target)) {
            throw new TranscodeVerificationException("the MP4 copy's index (moov) is not before its media (mdat)");
        }
    }

    private static Span add(Span span, AVPacket pkt, AVStream stream) {
        long pts = pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
        if (pts == AV_NOPTS_VALUE || stream.codecpar().codec_type() != AVMEDIA_TYPE_VIDEO) {
            return span;
        }
        long at = av_rescale_q(pts, stream.time_base(), MICROS);
        long frame = av_rescale_q(Math.max(0, pkt.duration()), stream.time_base(), MICROS);
        if (span.videoPackets() > 0 && at > span.lastMicros()) {
            frame = Math.min(frame, at - span.lastMicros()); // a frame lasts no longer than the gap before it
        }
        if (at >= span.lastMicros()) {
            return new Span(Math.min(span.firstMicros(), at), at, frame, span.videoPackets() + 1,
                    span.declaredMicros());
        }
        return new Span(Math.min(span.firstMicros(), at), span.lastMicros(), span.lastFrameMicros(),
                span.videoPackets() + 1, span.declaredMicros());
    }

    private static AVFormatContext open(Path file, String what) {
        AVFormatContext in = new AVFormatContext(null);
        int ret = avformat_open_input(in, file.toString(), null, null);
        if (ret < 0) {
            throw new CorruptRecordingException("FFmpeg cannot open " + what + ": " + error(ret));
        }
        ret = avformat_find_stream_info(in, (PointerPointer<?>) null);
        if (ret < 0) {
            avformat_close_input(in);
            throw new CorruptRecordingException("FFmpeg cannot read the streams of " + what + ": " + error(ret));
        }
        return in;
    }

    private static long declared(AVFormatContext in) {
        return in.duration() == AV_NOPTS_VALUE ? 0 : Math.max(0, in.duration());
    }

    /** Whether the file's top-level boxes put {@code moov} before {@code mdat}. */
    static boolean indexFirst(Path mp4) throws IOException {
        try (FileChannel ch = FileChannel.open(mp4, StandardOpenOption.READ)) {
            long pos = 0;
            ByteBuffer head = ByteBuffer.allocate(16);
            while (pos + 8 <= ch.size()) {
                head.clear();
                ch.read(head, pos);
                long size = Integer.toUnsignedLong(head.getInt(0));
                String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
                if ("moov".equals(type)) {
                    return true;
                }
                if ("mdat".equals(type)) {
                    return false;
                }
                if (size == 1) {
                    size = head.getLong(8);
                }
                if (size < 8) {
                    return false;
                }
                pos += size;
            }
            return false;
        }
    }

    private static RuntimeException writeFailed(String what, int ret) {
        if (ret == ENOSPC || ret == EIO || ret == EDQUOT) {
            return new TranscodeFailedException(what + ": " + error(ret), null);
        }
        return new CorruptRecordingException("the video's packets cannot be copied as they are (" + what + "): "
                + error(ret));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static String error(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8) + " (" + code + ")";
    }
}
