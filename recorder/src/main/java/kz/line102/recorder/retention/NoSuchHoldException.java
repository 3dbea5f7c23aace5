package kz.line102.recorder.retention;

import java.util.UUID;

import kz.line102.recorder.RecorderException;

/** No legal hold has this id. */
public final class NoSuchHoldException extends RecorderException {

    public NoSuchHoldException(UUID id) {
        super("no-such-hold", "no legal hold " + id);
    }
}
