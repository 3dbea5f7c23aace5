package kz.line102.callcenter.cti;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import kz.line102.callcenter.app.DemoProfiles;
import org.springframework.core.env.Environment;

/**
 * The start-up check of the bridge's disk spool ({@code line102.cti.stream.spool-dir}), where
 * call events wait while Redis is away. A relative directory lands wherever the process starts
 * (a restart from another directory would not deliver what the last run spooled), and one that
 * cannot be written loses events exactly when Redis is down: both stop the start at once, with
 * the key to set. Relative directories are for the demo, dev and test profiles only.
 */
final class EventSpoolDirectory {

    static final String KEY = "line102.cti.stream.spool-dir";

    private EventSpoolDirectory() {
    }

    /** @throws IllegalStateException saying what is wrong with the directory and what to set */
    static void check(Path dir, Environment env) {
        if (!dir.isAbsolute()) {
            if (DemoProfiles.anyActive(env, DemoProfiles.REPLAY)) {
                return;
            }
            throw new IllegalStateException(KEY + " is '" + dir + "', a relative path (it would depend on the "
                    + "directory the process starts in, and a restart elsewhere would not deliver the events spooled "
                    + "before): set an absolute one, for example /var/lib/line102/spool (LINE102_CTI_STREAM_SPOOL_DIR "
                    + "in /etc/line102/line102.env). Active profiles: " + DemoProfiles.describe(env)
                    + "; only demo, dev and test may keep it under the working directory.");
        }
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir); // the bridge's own state: ours to create
            } catch (IOException e) {
                throw new IllegalStateException(KEY + " " + dir + " does not exist and cannot be created (" + e
                        + "): create it, owned by the service's user, or set another directory", e);
            }
        }
        if (!Files.isWritable(dir) || !Files.isReadable(dir)) {
            throw new IllegalStateException(KEY + " " + dir + " is not readable and writable by this process: give "
                    + "the service's user (line102) that directory, or set another one");
        }
    }
}
