package kz.line102.recorder.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory the PBX's MixMonitor writes into (local, or the PBX's monitor directory
 * mounted here). The PBX reports its own path; only the file name is used, so a
 * reported name can never reach outside the directory.
 */
public final class SpoolDirectorySource implements RecordingSource {

    private final Path dir;

    public SpoolDirectorySource(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public Path fetch(String sourceName, Path scratchDir) {
        Path file = resolve(sourceName);
        if (!Files.isRegularFile(file)) {
            throw new SourceMissingException(sourceName);
        }
        return file; // read in place: no copy of a large WAV
    }

    @Override
    public void delete(String sourceName) throws IOException {
        Files.deleteIfExists(resolve(sourceName));
    }

    Path resolve(String sourceName) {
        Path name = Path.of(sourceName).getFileName();
        if (name == null || name.toString().equals("..") || name.toString().equals(".")) {
            throw new SourceMissingException(sourceName);
        }
        return dir.resolve(name.toString());
    }
}
