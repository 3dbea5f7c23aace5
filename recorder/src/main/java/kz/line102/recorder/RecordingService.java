package kz.line102.recorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.recorder.access.AccessRequest;
import kz.line102.recorder.access.AccessService;
import kz.line102.recorder.access.DownloadManifest;
import kz.line102.recorder.access.RecordingContent;
import kz.line102.recorder.catalog.JdbcRecordingRepository;
import kz.line102.recorder.catalog.RecordingPage;
import kz.line102.recorder.catalog.RecordingQuery;
import kz.line102.recorder.ingest.AriRecordingSource;
import kz.line102.recorder.ingest.IngestJob;
import kz.line102.recorder.ingest.IngestPipeline;
import kz.line102.recorder.ingest.IngestService;
import kz.line102.recorder.ingest.JdbcIngestJobRepository;
import kz.line102.recorder.ingest.OrphanSweeper;
import kz.line102.recorder.ingest.RecordingSource;
import kz.line102.recorder.ingest.SpoolDirectorySource;
import kz.line102.recorder.ingest.UploadSource;
import kz.line102.recorder.integrity.IntegrityChecker;
import kz.line102.recorder.integrity.IntegrityReport;
import kz.line102.recorder.retention.LegalHold;
import kz.line102.recorder.retention.PurgeReport;
import kz.line102.recorder.retention.PurgeRunningElsewhereException;
import kz.line102.recorder.retention.RetentionPolicy;
import kz.line102.recorder.retention.RetentionService;
import kz.line102.recorder.storage.ArchiveStore;
import kz.line102.recorder.storage.StorageDirectories;
import kz.line102.recorder.transcode.CorruptRecordingException;
import kz.line102.recorder.transcode.MediaProbe;
import kz.line102.recorder.transcode.Transcoder;

/**
 * The recorder's entry point: everything the call centre does with recordings goes
 * through here. {@link #start()} resumes unfinished ingest at once and schedules the
 * periodic passes (ingest resume, purge, integrity check) on one named thread;
 * {@link #close()} stops them. Both are idempotent.
 */
public final class RecordingService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecordingService.class);
    /** How often the purge's trusted time is moved on: what a node that stops loses at most. */
    private static final Duration TRUSTED_TIME_TICK = Duration.ofMinutes(1);

    private final RecorderProperties props;
    private final IngestService ingest;
    private final JdbcRecordingRepository catalog;
    private final RetentionService retention;
    private final IntegrityChecker integrity;
    private final AccessService access;
    private final OrphanSweeper sweeper;
    private final UploadSource uploads;
    private final DataSource dataSource;
    private ScheduledExecutorService scheduler;

    /** Wires the recorder with the configured source and archive; swept files match no call. */
    public RecordingService(RecorderProperties props, DataSource ds, Clock clock, MeterRegistry meters) {
        this(props, ds, clock, meters, CallResolver.NONE);
    }

    /** Wires the recorder with the configured source and archive, swept files matched to calls by {@code calls}. */
    public RecordingService(RecorderProperties props, DataSource ds, Clock clock, MeterRegistry meters,
                            CallResolver calls) {
        this(props, ds, clock, meters, source(props), store(props), calls, System::nanoTime);
    }

    /** Wires the recorder with a given source and archive (tests stand in failing ones). */
    public RecordingService(RecorderProperties props, DataSource ds, Clock clock, MeterRegistry meters,
                            RecordingSource source, ArchiveStore store) {
        this(props, ds, clock, meters, source, store, CallResolver.NONE, System::nanoTime);
    }

    /**
     * Everything given: the source, the archive, how swept files find their calls, and the
     * monotonic clock the purge trusts (tests move their own).
     */
    public RecordingService(RecorderProperties props, DataSource ds, Clock clock, MeterRegistry meters,
                            RecordingSource source, ArchiveStore store, CallResolver calls, LongSupplier nanoTime) {
        if (props.storage().directoriesChecked()) {
            StorageDirectories.check(props);
        }
        this.props = props;
        this.uploads = new UploadSource(source, store.root().resolve("incoming"));
        source = uploads;
        this.catalog = new JdbcRecordingRepository(ds);
        IngestPipeline pipeline = new IngestPipeline(props, source, new Transcoder(props.transcode()), store, ds,
                clock, meters);
        this.dataSource = ds;
        JdbcIngestJobRepository jobs = new JdbcIngestJobRepository(ds);
        this.ingest = new IngestService(props.ingest(), pipeline, jobs, clock, meters);
        this.retention = new RetentionService(props.retention(), ds, store, clock, nanoTime, meters);
        this.sweeper = new OrphanSweeper(props.ingest(), source, jobs, calls, this::retentionClass, ingest::start,
                clock, meters);
        this.integrity = new IntegrityChecker(catalog, store, clock, props.integrity().batchSize(), meters);
        this.access = new AccessService(catalog, store, ds, clock);
    }

    // ---- ingest

    /**
     * Queues a finished PBX recording for ingest and returns at once; idempotent per PBX
     * file name.
     *
     * @return the job's id, which becomes the recording's id
     * @throws kz.line102.recorder.retention.UnknownRetentionClassException for an unknown class
     */
    public UUID submit(IngestRequest request) {
        return ingest.submit(request, retentionClass(request));
    }

    /** Ingests in the caller's thread and returns the job as it was left (done, or why not). */
    public IngestJob ingest(IngestRequest request) {
        return ingest.ingest(request, retentionClass(request));
    }

    /** Resumes every due unfinished job in the caller's thread; returns how many were taken. */
    public int resumeIngest() {
        return ingest.resumeDue();
    }

    /**
     * Claims every recording in the source that no event announced and that has not
     * changed for the sweep's minimum age, and starts its ingest (in the background);
     * returns how many it claimed.
     */
    public int sweepOrphans() {
        try {
            return sweeper.sweep();
        } catch (IOException e) {
            throw new UncheckedIOException("the recording source could not be listed", e);
        }
    }

    public Optional<IngestJob> ingestJob(UUID jobId) {
        return ingest.job(jobId);
    }

    /**
     * Takes a recording a person uploads (an interview recorded outside the PBX): writes it
     * whole under the archive root, checks that FFmpeg reads it as audio, and as a video only
     * where {@link Upload#videoAllowed()} (then in a format kept as it is), records its job and
     * starts the ingest in the background, which then runs as for a PBX file (transcode, or a
     * video's stream copy; SHA-256, archive, index) and is resumed the same way if this node
     * dies before it is done. Returns once the job is recorded.
     *
     * @param content   the file's bytes; read to the end, or to {@code maxBytes}
     * @param fileName  the name the person gave it (only its extension is kept)
     * @return the job's id, which becomes the recording's id
     * @throws UploadTooLargeException   past {@code maxBytes}
     * @throws UnsupportedMediaException not audio FFmpeg reads, a video where none is allowed, or
     *                                   a video in a format the archive does not keep
     * @throws kz.line102.recorder.retention.UnknownRetentionClassException for an unknown class
     */
    public UUID upload(Upload upload, java.io.InputStream content) throws IOException {
        String cls = retention.policy(upload.retentionClass()).retentionClass();
        String sourceName = uploads.receive(UUID.randomUUID(), upload.fileName(), content, upload.maxBytes());
        MediaProbe.Media media;
        try {
            media = MediaProbe.probe(uploads.file(sourceName));
            refuseUnarchivable(upload, media);
        } catch (CorruptRecordingException e) {
            uploads.discard(sourceName);
            throw new UnsupportedMediaException(UnsupportedMediaException.UNREADABLE, e.getMessage());
        } catch (UnsupportedMediaException e) {
            uploads.discard(sourceName);
            throw e;
        }
        UUID id = ingest.submit(new IngestRequest(upload.ownerId(), sourceName, upload.recordedAt(), null,
                upload.uploadedBy(), cls), cls);
        log.info("upload {} of {} by {} received as job {}{}", sourceName, upload.ownerId(), upload.uploadedBy(), id,
                media.video() ? " (video " + media.videoCodec() + "+" + media.audioCodec() + ")" : "");
        return id;
    }

    private static void refuseUnarchivable(Upload upload, MediaProbe.Media media) {
        if (media.video() && !upload.videoAllowed()) {
            throw new UnsupportedMediaException(UnsupportedMediaException.VIDEO,
                    "the file holds a video (" + media.format() + "): recordings of this kind are kept as sound only");
        }
        if (!media.audio()) {
            throw new UnsupportedMediaException(UnsupportedMediaException.UNREADABLE,
                    "the file holds no audio (" + media.format() + ")");
        }
        if (media.video() && media.videoContainer() == null) {
            throw new UnsupportedMediaException(UnsupportedMediaException.VIDEO_FORMAT,
                    "the video is " + media.videoCodec() + " with " + media.audioCodec() + " sound in "
                            + media.format() + "; accepted: " + UnsupportedMediaException.ACCEPTED_VIDEO);
        }
    }

    /** The ingest jobs filed under {@code callId} (a call's, or an upload owner's), oldest first. */
    public List<IngestJob> ingestJobs(String callId, int limit) {
        return new JdbcIngestJobRepository(dataSource).byCall(callId, limit);
    }

    /** When the recording's retention ends under its class's policy now in force. */
    public java.time.Instant expiresAt(Recording r) {
        Period keep = retention.policy(r.retentionClass()).keepFor();
        return r.retainFrom().atZone(java.time.ZoneOffset.UTC).plus(keep).toInstant();
    }

    // ---- catalog and access

    public Optional<Recording> find(UUID id) {
        return catalog.find(id);
    }

    public RecordingPage search(RecordingQuery query) {
        return catalog.search(query, false);
    }

    /** A search of the calls' recordings only: what a feature uploaded (an interview) is left out. */
    public RecordingPage searchCalls(RecordingQuery query) {
        return catalog.search(query, true);
    }

    /** Links the call's recordings to its incident card; returns how many. */
    public int linkIncident(String callId, String incidentId) {
        return catalog.linkIncident(callId, incidentId);
    }

    /** Opens a recording at an HTTP Range (null: whole file), logging the access. */
    public RecordingContent open(UUID id, String rangeHeader, AccessRequest who) throws IOException {
        return access.open(id, rangeHeader, who);
    }

    /** The manifest (name, size, SHA-256) of a download, logging the access. */
    public DownloadManifest manifest(UUID id, AccessRequest who) throws IOException {
        return access.manifest(id, who);
    }

    // ---- retention

    public List<RetentionPolicy> policies() {
        return retention.policies();
    }

    public RetentionPolicy setPolicy(String retentionClass, Period keepFor, String description, String userId) {
        return retention.setPolicy(retentionClass, keepFor, description, userId);
    }

    public LegalHold placeHold(UUID recordingId, String reason, String reference, String userId) {
        return retention.placeHold(recordingId, reason, reference, userId);
    }

    public LegalHold liftHold(UUID holdId, String reason, String reference, String userId) {
        return retention.liftHold(holdId, reason, reference, userId);
    }

    public List<LegalHold> holds(UUID recordingId) {
        return retention.holds(recordingId);
    }

    /** The dry run: what a purge now would delete. */
    public PurgeReport previewPurge() {
        return retention.preview();
    }

    public PurgeReport purge() {
        return retention.purge();
    }

    // ---- integrity

    public IntegrityReport checkIntegrity() {
        return integrity.check();
    }

    // ---- lifecycle

    /** Resumes unfinished ingest now and schedules the periodic passes. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recorder-scheduler");
            t.setDaemon(true);
            return t;
        });
        schedule("ingest resume", Duration.ZERO, props.ingest().sweepInterval(), ingest::resumeDue);
        Duration orphans = props.ingest().orphanSweep().interval();
        schedule("orphan sweep", orphans, orphans, this::sweepOrphans);
        schedule("purge clock", Duration.ZERO, TRUSTED_TIME_TICK, retention::advanceTrustedTime);
        schedule("purge", props.retention().purgeInterval(), props.retention().purgeInterval(), retention::purge);
        schedule("integrity check", props.integrity().interval(), props.integrity().interval(), integrity::check);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        ingest.close();
    }

    private void schedule(String what, Duration first, Duration every, Runnable task) {
        if (every.isZero()) {
            return; // the application schedules this one itself
        }
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (PurgeRunningElsewhereException e) {
                log.info("recorder {} skipped: {}", what, e.getMessage());
            } catch (RuntimeException e) {
                // A refused purge (clock) or a database outage must not end the schedule.
                log.error("recorder {} failed", what, e);
            }
        }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String retentionClass(IngestRequest request) {
        String cls = request.retentionClass() == null ? props.retention().defaultClass() : request.retentionClass();
        return retention.policy(cls).retentionClass();
    }

    private static RecordingSource source(RecorderProperties props) {
        if (props.ingest().source() == RecorderProperties.SourceKind.SPOOL && !props.storage().directoriesChecked()) {
            try {
                // A demonstration has no PBX to create it; production refuses a missing one instead.
                java.nio.file.Files.createDirectories(props.ingest().spoolDir());
            } catch (IOException e) {
                log.warn("spool directory {} cannot be created: {}", props.ingest().spoolDir(), e.toString());
            }
        }
        return switch (props.ingest().source()) {
            case SPOOL -> new SpoolDirectorySource(props.ingest().spoolDir());
            case ARI -> new AriRecordingSource(props.ingest().ari());
        };
    }

    private static ArchiveStore store(RecorderProperties props) {
        if (props.storage().directoriesChecked()) {
            StorageDirectories.check(props); // before the store creates a relative archive root
        }
        try {
            return new ArchiveStore(props.storage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archive root " + props.storage().archiveRoot(), e);
        }
    }
}
