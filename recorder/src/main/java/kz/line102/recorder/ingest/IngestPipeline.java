package kz.line102.recorder.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.line102.recorder.RecorderException;
import kz.line102.recorder.RecorderProperties;
import kz.line102.recorder.Recording;
import kz.line102.recorder.catalog.Jdbc;
import kz.line102.recorder.catalog.JdbcRecordingRepository;
import kz.line102.recorder.storage.ArchiveFullException;
import kz.line102.recorder.storage.ArchiveStore;
import kz.line102.recorder.storage.Sha256;
import kz.line102.recorder.transcode.CorruptRecordingException;
import kz.line102.recorder.transcode.MediaProbe;
import kz.line102.recorder.transcode.TranscodeResult;
import kz.line102.recorder.transcode.TranscodeVerificationException;
import kz.line102.recorder.transcode.Transcoder;
import kz.line102.recorder.transcode.VideoRemuxer;
import kz.line102.recorder.transcode.WavInfo;
import kz.line102.recorder.transcode.WavProbe;
import kz.line102.recorder.transcode.WavRepair;

/**
 * Carries one leased job as far as it can go, then releases it in a final state or with a
 * retry time. Each step is safe to repeat: the archive is content-addressed (and the
 * encode bit-exact), the index row and the "archived" mark commit together, and the
 * source is deleted only after that commit.
 */
public final class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final RecorderProperties.Ingest config;
    private final Duration tolerance;
    private final RecordingSource source;
    private final Transcoder transcoder;
    private final VideoRemuxer remuxer;
    private final ArchiveStore store;
    private final JdbcIngestJobRepository jobs;
    private final JdbcRecordingRepository recordings;
    private final DataSource ds;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer timer;

    public IngestPipeline(RecorderProperties props, RecordingSource source, Transcoder transcoder,
                          ArchiveStore store, DataSource ds, Clock clock, MeterRegistry meters) {
        this.config = props.ingest();
        this.tolerance = props.transcode().durationTolerance();
        this.source = source;
        this.transcoder = transcoder;
        this.remuxer = new VideoRemuxer(tolerance);
        this.store = store;
        this.jobs = new JdbcIngestJobRepository(ds);
        this.recordings = new JdbcRecordingRepository(ds);
        this.ds = ds;
        this.clock = clock;
        this.meters = meters;
        this.timer = Timer.builder("line102.recorder.ingest.duration")
                .description("time to ingest one recording, fetch to source deletion").register(meters);
    }

    /** Works on {@code job} (whose lease the caller holds) and returns it as it was left. */
    public IngestJob process(IngestJob job) {
        MDC.put("callId", job.callId());
        Path scratch = config.workDir().resolve(job.id().toString());
        long started = System.nanoTime();
        try {
            if (job.state() == IngestState.ARCHIVED) {
                finishArchived(job);
            } else {
                archive(job, scratch);
            }
        } catch (SourceMissingException e) {
            missing(job, e);
        } catch (ArchiveFullException e) {
            log.warn("archive full, ingest of {} waits: {}", job.sourceName(), e.getMessage());
            retry(job, job.attempts() + 1, e.code(), e.getMessage());
        } catch (RecorderException e) {
            log.warn("ingest of {} failed, will retry: {}", job.sourceName(), e.getMessage());
            retry(job, job.attempts() + 1, e.code(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("ingest of {} failed, will retry", job.sourceName(), e);
            retry(job, job.attempts() + 1, "ingest-failed", String.valueOf(e));
        } finally {
            deleteTree(scratch);
            timer.record(Duration.ofNanos(System.nanoTime() - started));
            MDC.remove("callId");
        }
        return jobs.find(job.id()).orElseThrow();
    }

    private void archive(IngestJob job, Path scratch) throws IOException {
        deleteTree(scratch); // what a crashed attempt left
        Files.createDirectories(scratch);
        Path wav = source.fetch(job.sourceName(), scratch);
        TranscodeResult encoded;
        WavInfo info;
        boolean quietChecked = false;
        try {
            if (UploadSource.isUpload(job.sourceName()) && !WavProbe.isRiff(wav)) {
                // A person's upload in another format (MP3, Ogg, M4A…): written whole before its
                // job existed, so there is no header to distrust; its length is what FFmpeg decodes.
                quietChecked = true;
                if (MediaProbe.probe(wav).video()) {
                    // Taken as a video only where its upload allowed one: the picture is kept, copied as it is.
                    encoded = remuxer.remux(wav, scratch);
                } else {
                    encoded = transcoder.transcode(wav, scratch.resolve("archive.opus"));
                    verifyLength(encoded.decodedDuration(), transcoder.decodedDuration(wav));
                }
                archived(job, encoded, null);
                return;
            }
            info = WavProbe.probe(wav);
            if (!info.closedByWriter()) {
                quietChecked = true;
                if (!quiet(job, wav)) {
                    return;
                }
            }
            if (info.isEmpty()) {
                log.warn("recording {} holds no audio (a zero-length call): nothing archived, source kept",
                        job.sourceName());
                end(job, IngestState.EMPTY, "recording-empty", "no audio in " + Files.size(wav) + " bytes");
                return;
            }
            Path input = wav;
            if (info.truncated()) {
                log.warn("recording {} was not closed by the PBX: archiving the {} it holds ({})", job.sourceName(),
                        info.duration(), info.truncatedReason());
                input = WavRepair.repaired(wav, info, scratch.resolve("repaired.wav"));
            }
            encoded = transcoder.transcode(input, scratch.resolve("archive.opus"));
            verifyLength(encoded.decodedDuration(), info.duration());
        } catch (CorruptRecordingException | TranscodeVerificationException e) {
            if (!quietChecked && e instanceof CorruptRecordingException && !quiet(job, wav)) {
                return; // a file just opened by MixMonitor may not hold a whole header yet
            }
            Path copy = store.quarantine(wav, job.sourceName(), job.id());
            log.error("recording {} quarantined as {}, source kept: {}", job.sourceName(), copy, e.getMessage());
            end(job, IngestState.QUARANTINED, e.code(), e.getMessage() + " (copy: " + copy + ")");
            return;
        }
        archived(job, encoded, info.truncatedReason());
    }

    private void verifyLength(Duration copy, Duration source) {
        if (copy.minus(source).abs().compareTo(tolerance) > 0) {
            throw new TranscodeVerificationException("the copy plays " + copy + ", the source " + source);
        }
    }

    /** Stores, indexes and marks archived in one transaction, then deletes the source. */
    private void archived(IngestJob job, TranscodeResult encoded, String truncatedReason) throws IOException {
        String sha = Sha256.of(encoded.file());
        String path = store.store(encoded.file(), sha, job.callAt());
        Instant now = clock.instant();
        Recording r = new Recording(job.id(), job.callId(), null, job.callAt(), job.callerNumber(), job.operator(),
                job.sourceName(), path, sha, encoded.sizeBytes(), encoded.decodedDuration(), encoded.codec(),
                job.retentionClass(), retainFrom(job, now), now, job.orphan(), truncatedReason, null);
        Jdbc.inTransaction(ds, c -> {
            recordings.insert(c, r);
            jobs.markArchived(c, job.id(), now);
            return null;
        });
        log.info("recording {} archived as {} ({} bytes, {}{}{})", job.sourceName(), path, r.sizeBytes(),
                r.duration(), r.truncated() ? ", truncated" : "", r.orphan() ? ", orphan: no call matched" : "");
        if (r.truncated()) {
            meters.counter("line102.recorder.ingest.truncated").increment();
        }
        source.delete(job.sourceName());
        end(job, IngestState.DONE, null, null);
    }

    /**
     * Whether a file whose header does not vouch for it (MixMonitor has not closed it) has
     * looked the same for the quiet period. Judged by two looks a quiet period apart, by
     * this application's clock, never by comparing the file's time with ours: the PBX's
     * clock may differ. A file that changed, or is seen for the first time, is looked at
     * again after the quiet period.
     */
    private boolean quiet(IngestJob job, Path wav) throws IOException {
        String signature = source.signature(wav);
        Instant now = clock.instant();
        Duration quiet = config.quietPeriod();
        if (signature.equals(job.sourceSignature()) && job.sourceSeenAt() != null
                && !now.isBefore(job.sourceSeenAt().plus(quiet))) {
            return true;
        }
        Instant since = signature.equals(job.sourceSignature()) && job.sourceSeenAt() != null
                ? job.sourceSeenAt() : now;
        jobs.awaitQuiet(job.id(), signature, since, since.plus(quiet),
                "not closed by the PBX and last changed at " + since + " (" + signature
                        + "): read once it has not changed for " + quiet, now);
        log.info("recording {} is not closed by the PBX ({}): waiting until it has not changed for {}",
                job.sourceName(), signature, quiet);
        meters.counter("line102.recorder.ingest.jobs", "outcome", "waiting-quiet").increment();
        return false;
    }

    /**
     * A source that is not there is retried with backoff for the missing horizon (a spool
     * that is not mounted, a PBX that is down for days); past the alert time it is logged
     * at ERROR once and counted in the alert gauge, past the horizon it is missing for good.
     */
    private void missing(IngestJob job, SourceMissingException e) {
        Instant now = clock.instant();
        Instant began = job.createdAt() == null ? now : job.createdAt();
        if (!now.isBefore(began.plus(config.missingHorizon()))) {
            log.error("recording {} never appeared in {} ({} attempts): giving up", job.sourceName(),
                    config.missingHorizon(), job.attempts() + 1);
            end(job, IngestState.MISSING, e.code(), e.getMessage());
            return;
        }
        if (job.missingAlertedAt() == null && !now.isBefore(began.plus(config.missingAlertAfter()))) {
            log.error("ALERT recording {} still missing after {}: is the spool mounted, is the PBX up? Retrying"
                    + " until {}", job.sourceName(), Duration.between(began, now), began.plus(config.missingHorizon()));
            jobs.missingAlerted(job.id(), now);
            meters.counter("line102.recorder.ingest.missing.alerts").increment();
        }
        retry(job, job.attempts() + 1, e.code(), e.getMessage());
    }

    /**
     * The call's time, unless it is implausible (older than max-call-age or in the future
     * beyond it): then the ingest time, so a PBX clock that was reset or ran ahead never
     * makes a recording expire early. Only the retention base changes; call_at stays as
     * reported, for search.
     */
    private Instant retainFrom(IngestJob job, Instant now) {
        Duration age = Duration.between(job.callAt(), now);
        if (age.compareTo(config.maxCallAge()) > 0 || age.negated().compareTo(config.maxCallAge()) > 0) {
            log.warn("call time {} of {} is implausible at {}: retention counts from the ingest time",
                    job.callAt(), job.sourceName(), now);
            return now;
        }
        return job.callAt();
    }

    /** A job archived before a crash: the copy is indexed, only the source's deletion is left. */
    private void finishArchived(IngestJob job) throws IOException {
        Recording r = recordings.find(job.id()).orElseThrow(() -> new IllegalStateException(
                "job " + job.id() + " is archived but its recording is not indexed"));
        if (!store.exists(r.path()) || !r.sha256().equals(store.sha256(r.path()))) {
            // Never delete the only good copy: leave the source and let the integrity check shout.
            log.error("archive copy {} of {} is missing or altered: source kept", r.path(), job.sourceName());
            retry(job, job.attempts() + 1, "recording-file-missing", r.path());
            return;
        }
        source.delete(job.sourceName());
        end(job, IngestState.DONE, null, null);
    }

    private void end(IngestJob job, IngestState state, String code, String detail) {
        jobs.finish(job.id(), state, code, detail, clock.instant());
        meters.counter("line102.recorder.ingest.jobs", "outcome", state.db()).increment();
    }

    private void retry(IngestJob job, int attempts, String code, String detail) {
        jobs.retry(job.id(), attempts, clock.instant().plus(backoff(attempts)), code, detail, clock.instant());
        meters.counter("line102.recorder.ingest.jobs", "outcome", "retry", "code", code).increment();
    }

    private Duration backoff(int attempts) {
        long max = config.retryMax().toMillis();
        long base = Math.min(max, config.retryMin().toMillis() << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not clean {}", dir, e);
        }
    }
}
