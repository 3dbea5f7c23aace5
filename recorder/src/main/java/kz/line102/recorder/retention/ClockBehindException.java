package kz.line102.recorder.retention;

import kz.line102.recorder.RecorderException;

/** The clock reads earlier than the last purge run: a clock that went back; the purge waits. */
public final class ClockBehindException extends RecorderException {

    public ClockBehindException(String message) {
        super("purge-clock-behind", message);
    }
}
