package kz.line102.recorder.storage;

import kz.line102.recorder.RecorderException;

/** The index lists a recording whose file is not in the archive: an integrity failure, never a 404. */
public final class RecordingFileMissingException extends RecorderException {

    public RecordingFileMissingException(String path) {
        super("recording-file-missing", "archive file missing: " + path);
    }
}
