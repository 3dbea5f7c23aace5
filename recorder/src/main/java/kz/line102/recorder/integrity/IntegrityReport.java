package kz.line102.recorder.integrity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One pass over the archive.
 *
 * @param checked how many recordings were checked
 * @param missing recordings whose file is gone
 * @param altered recordings whose file's hash is not the indexed one
 */
public record IntegrityReport(Instant startedAt, Instant finishedAt, long checked, List<Problem> missing,
                              List<Problem> altered) {

    public IntegrityReport {
        missing = List.copyOf(missing);
        altered = List.copyOf(altered);
    }

    public boolean clean() {
        return missing.isEmpty() && altered.isEmpty();
    }

    /** One bad recording: the expected hash, and the found one (null when the file is missing). */
    public record Problem(UUID recordingId, String callId, String path, String expectedSha256, String actualSha256) {
    }
}
