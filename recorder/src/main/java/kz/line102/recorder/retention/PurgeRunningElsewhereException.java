package kz.line102.recorder.retention;

import kz.line102.recorder.RecorderException;

/** Another node (or another thread) is purging now: one purge runs at a time. */
public final class PurgeRunningElsewhereException extends RecorderException {

    public PurgeRunningElsewhereException() {
        super("purge-running-elsewhere", "a purge is running on another node: this one is skipped");
    }
}
