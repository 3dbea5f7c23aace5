package kz.line102.recorder.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

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

    /**
     * Every recording the source holds now, for the orphan sweep (a source that cannot list
     * returns none).
     *
     * @throws SourceUnavailableException when the source cannot be asked now
     */
    default List<Listed> list() throws IOException {
        return List.of();
    }

    /**
     * What a fetched file looks like, to tell whether it is still being written: two equal
     * signatures a quiet period apart mean nobody is writing it. The size by default.
     */
    default String signature(Path fetched) throws IOException {
        return Long.toString(Files.size(fetched));
    }

    /**
     * One recording at the source.
     *
     * @param sourceName the name to fetch it by (as a PBX event would report it)
     * @param modifiedAt when it last changed, or null when the source does not say
     */
    record Listed(String sourceName, Instant modifiedAt) {
    }
}
