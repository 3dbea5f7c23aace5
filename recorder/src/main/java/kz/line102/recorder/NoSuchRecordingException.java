package kz.line102.recorder;

import java.util.UUID;

/** No live recording has this id (it never existed or was purged). */
public final class NoSuchRecordingException extends RecorderException {

    public NoSuchRecordingException(UUID id) {
        super("no-such-recording", "no recording " + id);
    }
}
