package kz.line102.recorder.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import kz.line102.recorder.RecorderProperties;

/**
 * The archive's files. Names are the content's SHA-256, so storing the same content twice
 * is a no-op and a name that does not match its content is proof of alteration. Folders
 * are the call's UTC date and hour, so a day's recordings are one directory tree to back
 * up or inspect.
 *
 * <p>Not final: tests stand in a store whose disk fails.
 */
public class ArchiveStore {

    private static final DateTimeFormatter FOLDER =
            DateTimeFormatter.ofPattern("yyyy/MM/dd/HH", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path root;
    private final long minFreeBytes;

    public ArchiveStore(RecorderProperties.Storage config) throws IOException {
        this.root = config.archiveRoot().toAbsolutePath().normalize();
        this.minFreeBytes = config.minFreeBytes();
        Files.createDirectories(root);
    }

    public Path root() {
        return root;
    }

    /**
     * Copies {@code staged} into the archive under its hash, with the staged file's extension
     * ({@code opus}, or an interview video's {@code mp4} or {@code webm}), and checks the
     * copy's hash.
     *
     * @return the path relative to the root
     * @throws ArchiveFullException when the copy would leave less than the configured free space
     */
    public String store(Path staged, String sha256, Instant callAt) throws IOException {
        String relative = FOLDER.format(callAt) + "/" + sha256 + "." + extension(staged);
        Path target = resolve(relative);
        if (Files.exists(target) && sha256.equals(Sha256.of(target))) {
            return relative; // the same content is already there (a re-run after a crash)
        }
        long size = Files.size(staged);
        Files.createDirectories(target.getParent());
        ensureRoom(target.getParent(), size);
        Path temp = target.resolveSibling("." + sha256 + "." + UUID.randomUUID() + ".part");
        try {
            copyDurably(staged, temp);
            String copied = Sha256.of(temp);
            if (!copied.equals(sha256)) {
                throw new IOException("copy into the archive changed the content: " + copied + " != " + sha256);
            }
            moveIntoPlace(temp, target);
            fsyncDirectory(target.getParent());
            return relative;
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            if (isNoSpace(e)) {
                throw new ArchiveFullException("no space left in the archive: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Keeps a copy of a source that could not be archived, for a person to look at. */
    public Path quarantine(Path source, String sourceName, UUID jobId) throws IOException {
        String base = Path.of(sourceName).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = root.resolve("quarantine");
        Files.createDirectories(dir);
        Path target = dir.resolve(jobId + "-" + base);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    public boolean exists(String relative) {
        return Files.isRegularFile(resolve(relative));
    }

    public long size(String relative) throws IOException {
        try {
            return Files.size(resolve(relative));
        } catch (NoSuchFileException e) {
            throw new RecordingFileMissingException(relative);
        }
    }

    public String sha256(String relative) throws IOException {
        try {
            return Sha256.of(resolve(relative));
        } catch (NoSuchFileException e) {
            throw new RecordingFileMissingException(relative);
        }
    }

    /** The file for reading from {@code position}. */
    public InputStream open(String relative, long position) throws IOException {
        try {
            FileChannel ch = FileChannel.open(resolve(relative), StandardOpenOption.READ);
            ch.position(position);
            return java.nio.channels.Channels.newInputStream(ch);
        } catch (NoSuchFileException e) {
            throw new RecordingFileMissingException(relative);
        }
    }

    /** Removes a file; a file already gone is not an error (a purge finishing an earlier one). */
    public void delete(String relative) throws IOException {
        Files.deleteIfExists(resolve(relative));
    }

    /** Resolves a relative archive path, refusing anything that would leave the root. */
    public Path resolve(String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("not an archive path: " + relative);
        }
        return p;
    }

    /** Protected so tests can simulate a full disk without filling one. */
    protected long usableSpace(Path dir) throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    private void ensureRoom(Path dir, long size) throws IOException {
        long usable = usableSpace(dir);
        if (usable - size < minFreeBytes) {
            throw new ArchiveFullException("archive has " + usable + " bytes free; storing " + size
                    + " would leave less than " + minFreeBytes);
        }
    }

    private static void copyDurably(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from);
             FileChannel ch = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            in.transferTo(out);
            out.flush();
            ch.force(true);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(temp, target);
            } catch (FileAlreadyExistsException alreadyThere) {
                Files.delete(temp);
            }
        }
    }

    private static void fsyncDirectory(Path dir) {
        // Makes the rename durable on Linux; other systems refuse to open a directory, harmlessly.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // best effort: the file itself is already forced
        }
    }

    private static String extension(Path staged) {
        String name = staged.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return ext.matches("[a-z0-9]{1,5}") ? ext : "opus";
    }

    private static boolean isNoSpace(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left") || m.contains("Disk quota exceeded");
    }
}
