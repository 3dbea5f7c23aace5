package kz.line102.recorder.transcode;

import kz.line102.recorder.RecorderException;

/** The encoder itself failed on input it could read (native library, disk): worth retrying later. */
public final class TranscodeFailedException extends RecorderException {

    public TranscodeFailedException(String message, Throwable cause) {
        super("transcode-failed", message, cause);
    }
}
