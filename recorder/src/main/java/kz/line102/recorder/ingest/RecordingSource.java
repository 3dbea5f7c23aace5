package kz.line102.recorder.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** Where finished PBX recordings are fetched from and, once archived, deleted. */
public interface RecordingSource {

    /**
     * A local file holding the recording {@code sourceName}: the file itself when it is
     * already local, or a copy fetched into {@code scratchDir}.
     *
     * @throws SourceMissingException     when the PBX has no such recording
     * @throws SourceUnavailableException when the source cannot be asked now
     */
    Path fetch(String sourceName, Path scratchDir) throws IOException;

    /** Deletes the recording at the source; one already gone is not an error. */
    void delete(String sourceName) throws IOException;
}
