package kz.line102.recorder.transcode;

import kz.line102.recorder.RecorderException;

/** The source is not a readable recording (not a WAV, truncated, undecodable): it is quarantined, never retried. */
public final class CorruptRecordingException extends RecorderException {

    public CorruptRecordingException(String message) {
        super("recording-corrupt", message);
    }

    public CorruptRecordingException(String message, Throwable cause) {
        super("recording-corrupt", message, cause);
    }
}
