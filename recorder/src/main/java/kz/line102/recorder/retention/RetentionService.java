package kz.line102.recorder.retention;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.recorder.InvalidRequestException;
import kz.line102.recorder.RecorderProperties;
import kz.line102.recorder.catalog.Jdbc;
import kz.line102.recorder.storage.ArchiveStore;

/**
 * Retention policies, legal holds and the purge. Purge deletions are one transaction per
 * recording (mark deleted + audit row), then the file; a run cut short between the two
 * leaves a marked row whose file the next run removes. Running it twice deletes nothing
 * twice and audits nothing twice.
 */
public final class RetentionService {

    /** A dry run lists at most this many recordings (and counts all). */
    public static final int PREVIEW_LIMIT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);
    /** The advisory lock key of the purge ("l102purg"): one purge at a time across nodes. */
    private static final long PURGE_LOCK = 0x6c31303270757267L;

    private final RecorderProperties.Retention config;
    private final JdbcRetentionRepository repo;
    private final JdbcHoldRepository holds;
    private final PurgeClockGuard guard;
    private final MonotonicPurgeClock trusted;
    private final DataSource ds;
    private final ArchiveStore store;
    private final Clock clock;
    private final Counter deleted;

    public RetentionService(RecorderProperties.Retention config, DataSource ds, ArchiveStore store, Clock clock,
                            MeterRegistry meters) {
        this(config, ds, store, clock, System::nanoTime, meters);
    }

    /** @param nanoTime a monotonic clock (tests pass one they move) */
    public RetentionService(RecorderProperties.Retention config, DataSource ds, ArchiveStore store, Clock clock,
                            LongSupplier nanoTime, MeterRegistry meters) {
        this.config = config;
        this.ds = ds;
        this.trusted = new MonotonicPurgeClock(ds, nanoTime);
        this.repo = new JdbcRetentionRepository(ds);
        this.holds = new JdbcHoldRepository(ds);
        this.guard = new PurgeClockGuard(config);
        this.store = store;
        this.clock = clock;
        this.deleted = Counter.builder("line102.recorder.purge.deleted")
                .description("recordings deleted by the retention purge").register(meters);
    }

    public List<RetentionPolicy> policies() {
        return repo.policies();
    }

    /** The policy of {@code retentionClass}, or an {@link UnknownRetentionClassException}. */
    public RetentionPolicy policy(String retentionClass) {
        return repo.policies().stream().filter(p -> p.retentionClass().equals(retentionClass)).findFirst()
                .orElseThrow(() -> new UnknownRetentionClassException(retentionClass));
    }

    /** Creates or changes a policy; it applies to every recording of the class from the next purge. */
    public RetentionPolicy setPolicy(String retentionClass, Period keepFor, String description, String userId) {
        String cls = InvalidRequestException.requireText(retentionClass, "retention class");
        if (keepFor == null || keepFor.isNegative() || keepFor.isZero()) {
            throw new InvalidRequestException("retention period must be positive");
        }
        repo.upsertPolicy(cls, keepFor.normalized(), InvalidRequestException.requireText(description, "description"),
                InvalidRequestException.requireText(userId, "user id"), clock.instant());
        log.info("retention policy {} set to {} by {}", cls, keepFor, userId);
        return policy(cls);
    }

    public LegalHold placeHold(UUID recordingId, String reason, String reference, String userId) {
        LegalHold hold = holds.place(recordingId, InvalidRequestException.requireText(reason, "reason"),
                InvalidRequestException.requireText(reference, "reference"),
                InvalidRequestException.requireText(userId, "user id"), clock.instant());
        log.info("legal hold {} placed on recording {} by {}: {} ({})", hold.id(), recordingId, userId, reason,
                reference);
        return hold;
    }

    public LegalHold liftHold(UUID holdId, String reason, String reference, String userId) {
        LegalHold hold = holds.lift(holdId, InvalidRequestException.requireText(reason, "reason"),
                InvalidRequestException.requireText(reference, "reference"),
                InvalidRequestException.requireText(userId, "user id"), clock.instant());
        log.info("legal hold {} on recording {} lifted by {}: {} ({})", holdId, hold.recordingId(), userId, reason,
                reference);
        return hold;
    }

    /** Every hold placed on the recording, lifted ones included, newest first. */
    public List<LegalHold> holds(UUID recordingId) {
        return holds.holds(recordingId);
    }

    /** What a purge run now would delete, deleting nothing. Refuses like the purge does. */
    public PurgeReport preview() {
        Instant effective = effectiveNow(clock.instant());
        Instant cutoff = effective.minus(config.grace());
        List<PurgeCandidate> items = new ArrayList<>();
        long total = 0;
        for (RetentionPolicy p : repo.policies()) {
            total += repo.countCandidates(p.retentionClass(), cutoff);
            if (items.size() < PREVIEW_LIMIT) {
                items.addAll(repo.candidates(p.retentionClass(), cutoff, PREVIEW_LIMIT - items.size()));
            }
        }
        return new PurgeReport(null, true, effective, cutoff, items, total, 0);
    }

    /**
     * Moves the purge's trusted time forward by the real time this node measured; the
     * recorder calls it every minute so little is lost when a node stops.
     */
    public Instant advanceTrustedTime() {
        Instant clockNow = clock.instant();
        Instant dbNow = repo.databaseNow();
        return trusted.advance(clockNow.isBefore(dbNow) ? clockNow : dbNow);
    }

    /**
     * Deletes every recording that expired before the guarded time minus the grace and is
     * not on hold, and finishes the file removals of an interrupted earlier run. Runs on
     * one node at a time (a PostgreSQL advisory lock held for the run).
     *
     * @throws ClockBehindException            when the clock reads before the previous run
     * @throws ClockSkewException              when the application's and the database's clocks disagree
     * @throws PurgeRunningElsewhereException  when another node is purging
     */
    public PurgeReport purge() {
        try (Connection lock = ds.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                throw new PurgeRunningElsewhereException();
            }
            try {
                return purgeLocked();
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException(e);
        }
    }

    private static boolean advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?)")) {
            ps.setLong(1, PURGE_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private PurgeReport purgeLocked() {
        Instant trustedNow = advanceTrustedTime();
        Instant clockNow = clock.instant();
        Instant dbNow = repo.databaseNow();
        Instant effective = guard.effective(clockNow, dbNow, repo.lastEffectiveAt(), trustedNow);
        Instant cutoff = effective.minus(config.grace());
        UUID run = repo.startRun(clockNow, effective, dbNow);
        int finished = finishInterrupted();
        List<PurgeCandidate> done = new ArrayList<>();
        for (RetentionPolicy p : repo.policies()) {
            List<PurgeCandidate> batch;
            do {
                batch = repo.candidates(p.retentionClass(), cutoff, config.batchSize());
                int before = done.size();
                for (PurgeCandidate c : batch) {
                    repo.deleteIfDue(c.recordingId(), cutoff, run, clock.instant()).ifPresent(d -> {
                        done.add(d);
                        deleted.increment();
                        log.info("purged recording {} of call {} ({}, expired {})", d.recordingId(), d.callId(),
                                d.retentionClass(), d.expiredAt());
                        removeFile(d.recordingId(), d.path());
                    });
                }
                if (done.size() == before) {
                    break; // every candidate was held or taken meanwhile: do not spin on them
                }
            } while (batch.size() == config.batchSize());
        }
        repo.finishRun(run, done.size(), clock.instant());
        log.info("purge run {} against {} deleted {} recordings", run, effective, done.size());
        return new PurgeReport(run, false, effective, cutoff, done, done.size(), finished);
    }

    private Instant effectiveNow(Instant clockNow) {
        Instant trustedNow = advanceTrustedTime();
        return guard.effective(clockNow, repo.databaseNow(), repo.lastEffectiveAt(), trustedNow);
    }

    private int finishInterrupted() {
        int n = 0;
        for (String[] row : repo.unremovedFiles()) {
            if (removeFile(UUID.fromString(row[0]), row[1])) {
                n++;
            }
        }
        return n;
    }

    /** Removes a purged recording's file unless a live recording has identical content. */
    private boolean removeFile(UUID id, String path) {
        try {
            if (!repo.fileInUse(path)) {
                store.delete(path);
            }
            repo.markFileRemoved(id, clock.instant());
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("purged recording {}: removing {} failed; the next purge retries", id, path, e);
            return false;
        }
    }

    /** For tests and the scheduler's log: the last run's effective time. */
    public Optional<Instant> lastRunAt() {
        return repo.lastEffectiveAt();
    }
}
