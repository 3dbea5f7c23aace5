package kz.line102.recorder.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kz.line102.recorder.RecorderProperties;

/**
 * The start-up check of the recorder's directories. A relative directory lands wherever
 * the process happens to start, and a spool that is missing or not writable makes every
 * recording end as "missing" days later: both are refused at once, with the key to set.
 * Off ({@code line102.recorder.storage.require-absolute: false}) only where demonstrations
 * and tests keep recordings under the working directory.
 */
public final class StorageDirectories {

    private StorageDirectories() {
    }

    /** @throws IllegalStateException naming every directory that is wrong and what to do */
    public static void check(RecorderProperties props) {
        List<String> problems = new ArrayList<>();
        if (props.ingest().source() == RecorderProperties.SourceKind.SPOOL) {
            existing(problems, "ingest.spool-dir", props.ingest().spoolDir(), "/var/spool/asterisk/monitor",
                    " (the PBX's MixMonitor directory, RECDIR in extensions.conf, or its mount)");
        }
        existing(problems, "storage.archive-root", props.storage().archiveRoot(), "/var/lib/line102/recordings", "");
        Path work = props.ingest().workDir();
        if (!work.isAbsolute()) {
            problems.add(relative("ingest.work-dir", work, "/var/lib/line102/recordings/.work"));
        } else if (!Files.isDirectory(work)) {
            try {
                Files.createDirectories(work); // scratch space: ours to create
            } catch (IOException e) {
                problems.add("line102.recorder.ingest.work-dir " + work + " does not exist and cannot be created ("
                        + e + ")");
            }
        } else if (!Files.isWritable(work)) {
            problems.add("line102.recorder.ingest.work-dir " + work + " is not writable by this process");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the recorder's directories are not usable: " + String.join("; ", problems)
                    + ". (Only a demonstration or a test may keep them under the working directory: the demo"
                    + " profile, or line102.recorder.storage.require-absolute=false.)");
        }
    }

    private static void existing(List<String> problems, String key, Path dir, String example, String what) {
        if (!dir.isAbsolute()) {
            problems.add(relative(key, dir, example));
        } else if (!Files.isDirectory(dir)) {
            problems.add("line102.recorder." + key + " " + dir + " does not exist" + what + ": create it (owned by"
                    + " the service's user) or mount it");
        } else if (!Files.isWritable(dir) || !Files.isReadable(dir)) {
            problems.add("line102.recorder." + key + " " + dir + " is not readable and writable by this process"
                    + what);
        }
    }

    private static String relative(String key, Path dir, String example) {
        return "line102.recorder." + key + " is '" + dir + "', a relative path (it would depend on the directory"
                + " the process starts in): set an absolute one, for example " + example;
    }
}
