package kz.line102.recorder.integrity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.recorder.Recording;
import kz.line102.recorder.catalog.JdbcRecordingRepository;
import kz.line102.recorder.storage.ArchiveStore;
import kz.line102.recorder.storage.RecordingFileMissingException;

/**
 * Re-hashes archived files. A recording altered after ingest is found here: its content no
 * longer matches the hash in the index (and in its own file name).
 */
public final class IntegrityChecker {

    private static final Logger log = LoggerFactory.getLogger(IntegrityChecker.class);

    private final JdbcRecordingRepository recordings;
    private final ArchiveStore store;
    private final Clock clock;
    private final int batchSize;
    private final AtomicLong lastMissing = new AtomicLong();
    private final AtomicLong lastAltered = new AtomicLong();
    private final Counter checkedTotal;

    public IntegrityChecker(JdbcRecordingRepository recordings, ArchiveStore store, Clock clock, int batchSize,
                            MeterRegistry meters) {
        this.recordings = recordings;
        this.store = store;
        this.clock = clock;
        this.batchSize = batchSize;
        Gauge.builder("line102.recorder.integrity.missing", lastMissing, AtomicLong::get)
                .description("archived files found missing by the last integrity check").register(meters);
        Gauge.builder("line102.recorder.integrity.altered", lastAltered, AtomicLong::get)
                .description("archived files whose hash changed, by the last integrity check").register(meters);
        this.checkedTotal = Counter.builder("line102.recorder.integrity.checked")
                .description("archived files re-hashed").register(meters);
    }

    /** Checks every live recording; a file that cannot be read counts as missing. */
    public IntegrityReport check() {
        Instant started = clock.instant();
        List<IntegrityReport.Problem> missing = new ArrayList<>();
        List<IntegrityReport.Problem> altered = new ArrayList<>();
        long checked = 0;
        UUID after = null;
        List<Recording> batch;
        do {
            batch = recordings.scan(after, batchSize);
            for (Recording r : batch) {
                checked++;
                checkedTotal.increment();
                String actual = hash(r);
                if (actual == null) {
                    log.error("integrity: recording {} of call {} is missing its file {}", r.id(), r.callId(),
                            r.path());
                    missing.add(new IntegrityReport.Problem(r.id(), r.callId(), r.path(), r.sha256(), null));
                } else if (!actual.equals(r.sha256())) {
                    log.error("integrity: recording {} of call {} was altered: {} hashes to {}, indexed {}",
                            r.id(), r.callId(), r.path(), actual, r.sha256());
                    altered.add(new IntegrityReport.Problem(r.id(), r.callId(), r.path(), r.sha256(), actual));
                }
                after = r.id();
            }
        } while (batch.size() == batchSize);
        lastMissing.set(missing.size());
        lastAltered.set(altered.size());
        log.info("integrity check: {} recordings, {} missing, {} altered", checked, missing.size(), altered.size());
        return new IntegrityReport(started, clock.instant(), checked, missing, altered);
    }

    private String hash(Recording r) {
        try {
            return store.sha256(r.path());
        } catch (RecordingFileMissingException e) {
            return null;
        } catch (IOException e) {
            log.error("integrity: reading {} failed", r.path(), e);
            return null;
        }
    }
}
