package kz.line102.recorder.retention;

import kz.line102.recorder.RecorderException;

/** No retention policy has this class. */
public final class UnknownRetentionClassException extends RecorderException {

    public UnknownRetentionClassException(String retentionClass) {
        super("unknown-retention-class", "no retention policy for class '" + retentionClass + "'");
    }
}
