package kz.line102.recorder.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.recorder.RecorderProperties;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.TestDatabase;

class StorageDirectoriesTest {

    @TempDir
    Path dir;

    private static RecorderProperties checked(Path archive, Path spool) {
        RecorderProperties p = RecorderProperties.defaults(archive, spool);
        return p.withStorage(new RecorderProperties.Storage(archive, 0, true));
    }

    @Test
    void aRelativeDirectoryIsRefusedAtStartUpNamingTheKeyAndAnAbsoluteExample() {
        RecorderProperties p = checked(Path.of("data/recordings/archive"), Path.of("data/recordings/spool"));

        assertThatThrownBy(() -> new RecordingService(p, TestDatabase.get(), Clock.systemUTC(), new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line102.recorder.ingest.spool-dir is 'data/recordings/spool', a relative path")
                .hasMessageContaining("/var/spool/asterisk/monitor")
                .hasMessageContaining("line102.recorder.storage.archive-root is 'data/recordings/archive'")
                .hasMessageContaining("/var/lib/line102/recordings")
                .hasMessageContaining("demo profile");
        assertThat(Path.of("data/recordings/archive")).as("nothing created where the process started").doesNotExist();
    }

    @Test
    void aMissingSpoolIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("archive"));
        RecorderProperties p = checked(dir.resolve("archive"), dir.resolve("not-mounted"));

        assertThatThrownBy(() -> StorageDirectories.check(p)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line102.recorder.ingest.spool-dir " + dir.resolve("not-mounted")
                        + " does not exist");
    }

    @Test
    void absoluteExistingDirectoriesPassAndTheWorkDirectoryIsCreated() throws Exception {
        Files.createDirectories(dir.resolve("archive"));
        Files.createDirectories(dir.resolve("spool"));
        RecorderProperties p = checked(dir.resolve("archive"), dir.resolve("spool"));

        assertThatCode(() -> StorageDirectories.check(p)).doesNotThrowAnyException();
        assertThat(p.ingest().workDir()).isDirectory();
    }

    @Test
    void aDemonstrationMayKeepThemUnderTheWorkingDirectory() {
        RecorderProperties p = RecorderProperties.defaults(Path.of("data/recordings/archive"),
                Path.of("data/recordings/spool"));

        assertThat(p.storage().directoriesChecked()).isFalse();
    }
}
