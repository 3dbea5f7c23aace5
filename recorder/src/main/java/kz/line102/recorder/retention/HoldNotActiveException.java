package kz.line102.recorder.retention;

import java.util.UUID;

import kz.line102.recorder.RecorderException;

/** The legal hold was already lifted. */
public final class HoldNotActiveException extends RecorderException {

    public HoldNotActiveException(UUID id) {
        super("hold-not-active", "legal hold " + id + " is already lifted");
    }
}
