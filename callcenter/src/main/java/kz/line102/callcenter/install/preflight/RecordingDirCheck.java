package kz.line102.callcenter.install.preflight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The spool directory the recorder reads MixMonitor's files from: there, readable and
 * writable by this process (the recorder moves files out of it), and receiving files: none
 * newer than {@code quiet} while calls with a recording were committed in that time is a
 * warning (MixMonitor writes elsewhere, or the share is not mounted). In ARI mode the files
 * stay on the PBX and are fetched over ARI: nothing to look at here.
 */
final class RecordingDirCheck implements PreflightCheck {

    /** Enough to find a recent file in date folders without walking a year's archive. */
    private static final int MAX_DEPTH = 3;
    private static final long MAX_FILES = 100_000;

    private final Supplier<Optional<Path>> spoolDir;
    private final JdbcTemplate jdbc;
    private final Duration quiet;
    private final Clock clock;

    /** {@code spoolDir} empty: the recorder does not read a spool directory (ARI mode). */
    RecordingDirCheck(Supplier<Optional<Path>> spoolDir, JdbcTemplate jdbc, Duration quiet, Clock clock) {
        this.spoolDir = spoolDir;
        this.jdbc = jdbc;
        this.quiet = quiet;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "recording-dir";
    }

    @Override
    public List<Finding> run() {
        Optional<Path> configured = spoolDir.get();
        if (configured.isEmpty()) {
            return List.of(Finding.skipped("recording-dir", "ari"));
        }
        Path dir = configured.get().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return List.of(Finding.fail("recording-dir", "missing", dir));
        }
        if (!Files.isReadable(dir) || !Files.isWritable(dir) || !Files.isExecutable(dir)) {
            return List.of(Finding.fail("recording-dir", "access", dir, System.getProperty("user.name")));
        }
        Instant since = clock.instant().minus(quiet);
        Integer recorded = jdbc.queryForObject("select count(*) from calls where recording_file is not null "
                + "and offered_at > ?", Integer.class, java.sql.Timestamp.from(since));
        Optional<Instant> newest = newestFile(dir);
        boolean fresh = newest.isPresent() && newest.get().isAfter(since);
        if (!fresh && recorded != null && recorded > 0) {
            return List.of(Finding.warn("recording-dir", "quiet", dir, quiet.toHours(), recorded,
                    newest.map(String::valueOf).orElse("-")));
        }
        return List.of(Finding.ok("recording-dir", "ok", dir, newest.map(String::valueOf).orElse("-")));
    }

    private static Optional<Instant> newestFile(Path dir) {
        try (Stream<Path> files = Files.walk(dir, MAX_DEPTH)) {
            return files.limit(MAX_FILES).filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(FileTime::compareTo).map(FileTime::toInstant);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
