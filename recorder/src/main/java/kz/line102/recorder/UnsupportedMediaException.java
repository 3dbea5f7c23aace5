package kz.line102.recorder;

/**
 * An uploaded file the recorder does not archive: not audio FFmpeg can read, or a video
 * (the archive keeps speech as Opus in Ogg: a video's picture would be lost). Nothing of
 * it was kept.
 */
public final class UnsupportedMediaException extends RecorderException {

    public static final String UNREADABLE = "media-unreadable";
    public static final String VIDEO = "media-video";

    public UnsupportedMediaException(String code, String message) {
        super(code, message);
    }
}
