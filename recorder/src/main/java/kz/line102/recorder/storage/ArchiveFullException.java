package kz.line102.recorder.storage;

import kz.line102.recorder.RecorderException;

/** The archive's file system has less free space than configured: ingest waits and retries, deleting nothing. */
public final class ArchiveFullException extends RecorderException {

    public ArchiveFullException(String message) {
        super("archive-full", message);
    }

    public ArchiveFullException(String message, Throwable cause) {
        super("archive-full", message, cause);
    }
}
