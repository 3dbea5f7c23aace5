package kz.line102.callcenter.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The bridge's disk spool outside the demo profiles: a relative or uncreatable directory stops
 * the start with the key to set; demo, dev and test may keep it relative. (An unwritable one is
 * refused the same way; these tests run as root, who may write anywhere.)
 */
class EventSpoolDirectoryTest {

    private static MockEnvironment profiles(String... active) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(active);
        return env;
    }

    @Test
    void aRelativeSpoolIsRefusedOutsideTheDemoProfilesNamingTheKeyAndAnAbsoluteExample() {
        assertThatThrownBy(() -> EventSpoolDirectory.check(Path.of("data/spool"), profiles("service")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line102.cti.stream.spool-dir is 'data/spool', a relative path")
                .hasMessageContaining("/var/lib/line102/spool")
                .hasMessageContaining("Active profiles: service");
        assertThatThrownBy(() -> EventSpoolDirectory.check(Path.of("data/spool"), profiles()))
                .hasMessageContaining("Active profiles: none");
        for (String demo : new String[] {"demo", "dev", "test"}) {
            assertThatCode(() -> EventSpoolDirectory.check(Path.of("data/spool"), profiles(demo)))
                    .as(demo).doesNotThrowAnyException();
        }
    }

    @Test
    void aMissingAbsoluteSpoolIsCreatedAndOneThatCannotBeIsRefused(@TempDir Path tmp) throws IOException {
        Path spool = tmp.resolve("lib/line102/spool");
        EventSpoolDirectory.check(spool, profiles("service"));
        assertThat(spool).isDirectory();

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThatThrownBy(() -> EventSpoolDirectory.check(file.resolve("spool"), profiles("service")))
                .hasMessageStartingWith("line102.cti.stream.spool-dir " + file.resolve("spool")
                        + " does not exist and cannot be created");
    }
}
