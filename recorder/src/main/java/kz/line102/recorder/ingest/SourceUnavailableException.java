package kz.line102.recorder.ingest;

import kz.line102.recorder.RecorderException;

/** The source could not be asked (ARI down, refused credentials, I/O error): retried with backoff. */
public final class SourceUnavailableException extends RecorderException {

    public SourceUnavailableException(String message, Throwable cause) {
        super("recording-source-unavailable", message, cause);
    }
}
