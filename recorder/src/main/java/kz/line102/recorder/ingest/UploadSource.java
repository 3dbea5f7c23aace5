package kz.line102.recorder.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import kz.line102.recorder.UploadTooLargeException;

/**
 * The PBX's source with one more place beside it: files handed to the recorder by a person
 * (an interview recorded outside the PBX), kept under the archive root's {@code incoming}
 * folder until their job archives them. Their source names start with {@value #PREFIX};
 * every other name goes to the PBX's source, and only the PBX's source is swept for
 * orphans. An upload is written to a hidden part file, forced to disk and renamed, so a
 * job never names a half-written file; the job is recorded only after the rename.
 */
public final class UploadSource implements RecordingSource {

    public static final String PREFIX = "upload:";

    private final RecordingSource pbx;
    private final Path dir;

    public UploadSource(RecordingSource pbx, Path dir) {
        this.pbx = pbx;
        this.dir = dir.toAbsolutePath().normalize();
    }

    public static boolean isUpload(String sourceName) {
        return sourceName.startsWith(PREFIX);
    }

    /**
     * Writes {@code content} as upload {@code id} with the extension of {@code fileName}
     * (letters and digits only, else {@code bin}) and returns its source name.
     *
     * @throws UploadTooLargeException past {@code maxBytes}; nothing is left behind
     */
    public String receive(UUID id, String fileName, InputStream content, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        String name = id + "." + extension(fileName);
        Path part = dir.resolve("." + name + ".part");
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(ch)) {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = content.read(buf)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new UploadTooLargeException(maxBytes);
                }
                out.write(buf, 0, n);
            }
            out.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // best effort, as for the archive's own renames: the file itself is forced
        }
        return PREFIX + name;
    }

    /** The received file of an upload's source name (it may be gone once archived). */
    public Path file(String sourceName) {
        Path name = Path.of(sourceName.substring(PREFIX.length())).getFileName();
        if (name == null || name.toString().startsWith(".")) {
            throw new SourceMissingException(sourceName);
        }
        return dir.resolve(name.toString());
    }

    /** Removes a received file whose job was never recorded (refused after receipt). */
    public void discard(String sourceName) throws IOException {
        Files.deleteIfExists(file(sourceName));
    }

    @Override
    public Path fetch(String sourceName, Path scratchDir) throws IOException {
        if (!isUpload(sourceName)) {
            return pbx.fetch(sourceName, scratchDir);
        }
        Path file = file(sourceName);
        if (!Files.isRegularFile(file)) {
            throw new SourceMissingException(sourceName);
        }
        return file;
    }

    @Override
    public void delete(String sourceName) throws IOException {
        if (isUpload(sourceName)) {
            Files.deleteIfExists(file(sourceName));
        } else {
            pbx.delete(sourceName);
        }
    }

    @Override
    public List<Listed> list() throws IOException {
        return pbx.list();
    }

    @Override
    public String signature(Path fetched) throws IOException {
        if (fetched.toAbsolutePath().normalize().startsWith(dir)) {
            return Long.toString(Files.size(fetched)); // written whole before its job existed
        }
        return pbx.signature(fetched);
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "bin";
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,5}") ? ext : "bin";
    }
}
