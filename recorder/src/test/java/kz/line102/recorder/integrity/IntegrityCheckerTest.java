package kz.line102.recorder.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Archived;
import kz.line102.recorder.Harness;
import kz.line102.recorder.Recording;

class IntegrityCheckerTest {

    @TempDir
    Path dir;

    @Test
    void reportsMissingAndAlteredFilesAndPassesIntactOnes() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording intact = Archived.put(h, h.clock.instant(), "audio");
            Recording gone = Archived.put(h, h.clock.instant(), "audio");
            Recording tampered = Archived.put(h, h.clock.instant(), "audio");
            Files.delete(h.store.resolve(gone.path()));
            Files.writeString(h.store.resolve(tampered.path()), "x", StandardOpenOption.APPEND);

            IntegrityReport report = h.service.checkIntegrity();

            assertThat(report.checked()).isEqualTo(3);
            assertThat(report.clean()).isFalse();
            assertThat(report.missing()).extracting(IntegrityReport.Problem::recordingId).containsExactly(gone.id());
            assertThat(report.altered()).singleElement().satisfies(p -> {
                assertThat(p.recordingId()).isEqualTo(tampered.id());
                assertThat(p.expectedSha256()).isEqualTo(tampered.sha256());
                assertThat(p.actualSha256()).isNotEqualTo(tampered.sha256());
            });
            assertThat(h.meters.get("line102.recorder.integrity.missing").gauge().value()).isEqualTo(1);
            assertThat(h.meters.get("line102.recorder.integrity.altered").gauge().value()).isEqualTo(1);
            assertThat(intact.id()).isNotIn(report.missing(), report.altered());
        }
    }

    @Test
    void anUntouchedArchiveIsClean() throws Exception {
        try (Harness h = new Harness(dir)) {
            Archived.put(h, h.clock.instant(), "audio");

            assertThat(h.service.checkIntegrity().clean()).isTrue();
        }
    }
}
