package kz.line102.recorder.access;

import java.io.IOException;
import java.io.InputStream;

import kz.line102.recorder.Recording;

/**
 * An opened recording: a stream of exactly {@link ByteRange#length()} bytes from
 * {@link ByteRange#start()}. The caller closes it.
 */
public record RecordingContent(Recording recording, ByteRange range, InputStream stream) implements AutoCloseable {

    /** 206 when a part was asked for, 200 for the whole file. */
    public boolean partial() {
        return !range.whole();
    }

    public String contentType() {
        return recording.contentType();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
