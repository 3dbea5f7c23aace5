package kz.line102.recorder.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a purge deleted, or, for a dry run, what it would delete now.
 *
 * @param runId          the purge run (null for a dry run)
 * @param dryRun         nothing was deleted
 * @param effectiveAt    the time expiry was judged against (the clock, clamped by the guard)
 * @param cutoff         recordings that expired before this were due ({@code effectiveAt - grace})
 * @param items          the recordings (for a dry run at most {@link RetentionService#PREVIEW_LIMIT})
 * @param total          how many there are (a dry run may list fewer)
 * @param filesFinished  files of an earlier, interrupted run removed by this one
 */
public record PurgeReport(UUID runId, boolean dryRun, Instant effectiveAt, Instant cutoff,
                          List<PurgeCandidate> items, long total, int filesFinished) {

    public PurgeReport {
        items = List.copyOf(items);
    }
}
