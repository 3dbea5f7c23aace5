package kz.line102.recorder;

/**
 * An uploaded file the recorder does not archive: not audio FFmpeg can read, a video where
 * the upload allows none (the archive keeps speech as Opus in Ogg: a video's picture would
 * be lost), or a video in a format the archive does not keep as it is. Nothing of it was
 * kept.
 */
public final class UnsupportedMediaException extends RecorderException {

    public static final String UNREADABLE = "media-unreadable";
    /** A video where the upload allows sound only. */
    public static final String VIDEO = "media-video";
    /** A video where videos are allowed, but not one of {@link #ACCEPTED_VIDEO}. */
    public static final String VIDEO_FORMAT = "media-video-format";
    /** The videos archived as they are (stream copy, no re-encoding), for messages. */
    public static final String ACCEPTED_VIDEO =
            "MP4 (H.264 video, AAC sound) or WebM (VP8/VP9 video, Opus/Vorbis sound)";

    public UnsupportedMediaException(String code, String message) {
        super(code, message);
    }
}
