package kz.line102.recorder.transcode;

import java.util.Set;

/**
 * The videos the archive keeps as they are, by stream copy: what an interview-room camera
 * (MP4: H.264 and AAC) or a browser's MediaRecorder (WebM: VP8 or VP9, Opus or Vorbis)
 * writes. Each is archived in its own container, which every browser plays in a
 * {@code <video>} element; re-encoding anything else would take as long as the interview
 * on this machine's two cores, so anything else is refused.
 */
public enum VideoContainer {

    MP4("mp4", "mp4", "mov,mp4,m4a,3gp,3g2,mj2", Set.of("h264"), Set.of("aac")),
    WEBM("webm", "webm", "matroska,webm", Set.of("vp8", "vp9"), Set.of("opus", "vorbis"));

    private final String muxer;
    private final String extension;
    private final String demuxer;
    private final Set<String> videoCodecs;
    private final Set<String> audioCodecs;

    VideoContainer(String muxer, String extension, String demuxer, Set<String> videoCodecs, Set<String> audioCodecs) {
        this.muxer = muxer;
        this.extension = extension;
        this.demuxer = demuxer;
        this.videoCodecs = videoCodecs;
        this.audioCodecs = audioCodecs;
    }

    /** FFmpeg's name of the muxer that writes it. */
    public String muxer() {
        return muxer;
    }

    /** The archived file's extension, which is also the container in the recording's codec. */
    public String extension() {
        return extension;
    }

    /** What the recording's codec column says of a file of it: {@code h264+aac/mp4}. */
    public String codec(String videoCodec, String audioCodec) {
        return videoCodec + "+" + audioCodec + "/" + extension;
    }

    /** The container {@code media} is archived in, or null when it is not an accepted video with sound. */
    static VideoContainer of(MediaProbe.Media media) {
        for (VideoContainer c : values()) {
            if (c.demuxer.equals(media.format()) && c.videoCodecs.contains(media.videoCodec())
                    && c.audioCodecs.contains(media.audioCodec())) {
                return c;
            }
        }
        return null;
    }
}
