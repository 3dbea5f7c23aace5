package kz.line102.recorder.retention;

import kz.line102.recorder.RecorderException;

/** The application's and the database's clocks disagree: the purge does not trust either. */
public final class ClockSkewException extends RecorderException {

    public ClockSkewException(String message) {
        super("purge-clock-skew", message);
    }
}
