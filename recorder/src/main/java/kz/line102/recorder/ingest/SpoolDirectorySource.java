package kz.line102.recorder.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.DirectoryStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

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

    /** The recordings in the directory (regular files, not hidden), with their modification times. */
    @Override
    public List<Listed> list() throws IOException {
        List<Listed> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        out.add(new Listed(f.toString(), a.lastModifiedTime().toInstant()));
                    }
                } catch (NoSuchFileException gone) {
                    // archived by another node between the listing and the look
                }
            }
        } catch (NoSuchFileException e) {
            throw new SourceUnavailableException("spool directory " + dir + " is not there (not mounted?)", e);
        }
        return out;
    }

    /** Size and modification time: MixMonitor appends and the file system stamps every write. */
    @Override
    public String signature(Path fetched) throws IOException {
        BasicFileAttributes a = Files.readAttributes(fetched, BasicFileAttributes.class);
        return a.size() + "@" + a.lastModifiedTime().toMillis();
    }

    Path resolve(String sourceName) {
        Path name = Path.of(sourceName).getFileName();
        if (name == null || name.toString().equals("..") || name.toString().equals(".")) {
            throw new SourceMissingException(sourceName);
        }
        return dir.resolve(name.toString());
    }
}
