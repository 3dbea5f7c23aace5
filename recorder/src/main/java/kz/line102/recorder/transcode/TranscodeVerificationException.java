package kz.line102.recorder.transcode;

import kz.line102.recorder.RecorderException;

/** The encoded copy does not decode back to the source's length: it is not archived and the source is kept. */
public final class TranscodeVerificationException extends RecorderException {

    public TranscodeVerificationException(String message) {
        super("transcode-verification-failed", message);
    }
}
