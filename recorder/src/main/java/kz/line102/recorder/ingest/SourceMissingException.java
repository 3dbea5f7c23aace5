package kz.line102.recorder.ingest;

import kz.line102.recorder.RecorderException;

/** The PBX file is not (yet) where the source looks: retried, then reported missing. */
public final class SourceMissingException extends RecorderException {

    public SourceMissingException(String sourceName) {
        super("recording-source-missing", "recording source not found: " + sourceName);
    }
}
