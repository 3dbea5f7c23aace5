package kz.line102.recorder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The recorder's configuration ({@code line102.recorder.*}, documented key by key in
 * {@code conf/recorder.yml}). Every record validates itself: a bad value fails at start-up
 * with the key's name, not at the first call.
 */
public record RecorderProperties(Ingest ingest, Transcode transcode, Storage storage,
                                 Retention retention, Integrity integrity) {

    private static final String P = "line102.recorder.";

    public RecorderProperties {
        require(ingest != null, "ingest", "is required");
        require(transcode != null, "transcode", "is required");
        require(storage != null, "storage", "is required");
        require(retention != null, "retention", "is required");
        require(integrity != null, "integrity", "is required");
    }

    /** Defaults for everything but the two directories, which have no sensible default. */
    public static RecorderProperties defaults(Path archiveRoot, Path spoolDir) {
        return new RecorderProperties(Ingest.defaults(spoolDir, archiveRoot.resolve(".work")),
                Transcode.defaults(), new Storage(archiveRoot, 512L * 1024 * 1024, Boolean.FALSE),
                Retention.defaults(), Integrity.defaults());
    }

    public RecorderProperties withIngest(Ingest value) {
        return new RecorderProperties(value, transcode, storage, retention, integrity);
    }

    public RecorderProperties withTranscode(Transcode value) {
        return new RecorderProperties(ingest, value, storage, retention, integrity);
    }

    public RecorderProperties withStorage(Storage value) {
        return new RecorderProperties(ingest, transcode, value, retention, integrity);
    }

    public RecorderProperties withRetention(Retention value) {
        return new RecorderProperties(ingest, transcode, storage, value, integrity);
    }

    /** Where finished recordings come from. */
    public enum SourceKind { SPOOL, ARI }

    /**
     * @param source            SPOOL: a directory the PBX writes into (shared or local); ARI: Asterisk's REST interface
     * @param spoolDir          the spool directory (SPOOL); the PBX file name's last element is looked up in it
     * @param ari               the ARI connection (ARI)
     * @param workDir           scratch space for fetched and transcoded files (same file system as the archive is best)
     * @param workers           ingest threads; each transcodes one recording at a time
     * @param queueCapacity     submitted jobs waiting for a thread; beyond it the periodic pass picks them up
     * @param sweepInterval     how often unfinished and retrying jobs are resumed
     * @param retryMin          first retry delay after a failure; doubles per attempt (with jitter)
     * @param retryMax          longest retry delay
     * @param quietPeriod       a file whose header does not vouch for its length (not closed by the PBX) is read
     *                          only once it has not changed for this long
     * @param missingAlertAfter a source still not there this long after its job began raises the alert
     * @param missingHorizon    a source still not there this long after its job began is reported missing for good
     * @param lease             how long a job stays a node's without the node renewing it (every third of it
     *                          while it works on the job): a node that died leaves its jobs after this
     * @param maxCallAge        a call time further than this from the ingest time is not trusted for retention
     * @param orphanSweep       the search for recordings no event announced
     */
    public record Ingest(SourceKind source, Path spoolDir, Ari ari, Path workDir, int workers,
                         int queueCapacity, Duration sweepInterval, Duration retryMin,
                         Duration retryMax, Duration quietPeriod, Duration missingAlertAfter,
                         Duration missingHorizon, Duration lease, Duration maxCallAge, OrphanSweep orphanSweep) {

        public Ingest {
            require(source != null, "ingest.source", "is required (spool or ari)");
            require(source != SourceKind.SPOOL || spoolDir != null, "ingest.spool-dir", "is required when source is spool");
            require(source != SourceKind.ARI || ari != null, "ingest.ari", "is required when source is ari");
            require(workDir != null, "ingest.work-dir", "is required");
            require(workers >= 1 && workers <= 64, "ingest.workers", "must be 1..64");
            require(queueCapacity >= 1, "ingest.queue-capacity", "must be at least 1");
            requirePositive(sweepInterval, "ingest.sweep-interval");
            requirePositive(retryMin, "ingest.retry-min");
            requirePositive(retryMax, "ingest.retry-max");
            require(retryMax.compareTo(retryMin) >= 0, "ingest.retry-max", "must not be below retry-min");
            requirePositive(quietPeriod, "ingest.quiet-period");
            requirePositive(missingAlertAfter, "ingest.missing-alert-after");
            requirePositive(missingHorizon, "ingest.missing-horizon");
            require(missingHorizon.compareTo(missingAlertAfter) >= 0, "ingest.missing-horizon",
                    "must not be below missing-alert-after");
            requirePositive(lease, "ingest.lease");
            requirePositive(maxCallAge, "ingest.max-call-age");
            require(orphanSweep != null, "ingest.orphan-sweep", "is required");
        }

        public static Ingest defaults(Path spoolDir, Path workDir) {
            return new Ingest(SourceKind.SPOOL, spoolDir, null, workDir, 1, 1000, Duration.ofSeconds(30),
                    Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(30),
                    Duration.ofDays(7), Duration.ofMinutes(2), Duration.ofDays(30), OrphanSweep.defaults());
        }

        public Ingest withSource(SourceKind value, Ari ariValue) {
            return new Ingest(value, spoolDir, ariValue, workDir, workers, queueCapacity, sweepInterval,
                    retryMin, retryMax, quietPeriod, missingAlertAfter, missingHorizon, lease, maxCallAge, orphanSweep);
        }

        public Ingest withMissing(Duration alertAfter, Duration horizon) {
            return new Ingest(source, spoolDir, ari, workDir, workers, queueCapacity, sweepInterval,
                    retryMin, retryMax, quietPeriod, alertAfter, horizon, lease, maxCallAge, orphanSweep);
        }

        public Ingest withQuietPeriod(Duration value) {
            return new Ingest(source, spoolDir, ari, workDir, workers, queueCapacity, sweepInterval,
                    retryMin, retryMax, value, missingAlertAfter, missingHorizon, lease, maxCallAge, orphanSweep);
        }

        public Ingest withOrphanSweep(OrphanSweep value) {
            return new Ingest(source, spoolDir, ari, workDir, workers, queueCapacity, sweepInterval,
                    retryMin, retryMax, quietPeriod, missingAlertAfter, missingHorizon, lease, maxCallAge, value);
        }
    }

    /**
     * @param interval how often the source is searched for recordings without an ingest job (zero: never;
     *                 the application schedules {@code RecordingService.sweepOrphans()} itself)
     * @param minAge   a file is taken only when its last change is at least this old: the call's own
     *                 {@code RecordingFinished} normally comes first
     */
    public record OrphanSweep(Duration interval, Duration minAge) {

        public OrphanSweep {
            require(interval != null && !interval.isNegative(), "ingest.orphan-sweep.interval", "must not be negative");
            requirePositive(minAge, "ingest.orphan-sweep.min-age");
        }

        public static OrphanSweep defaults() {
            return new OrphanSweep(Duration.ofMinutes(1), Duration.ofMinutes(5));
        }
    }

    /**
     * @param baseUrl      e.g. {@code http://127.0.0.1:8088} (http.conf bindaddr/bindport; the {@code /ari} prefix is added)
     * @param username     ari.conf user
     * @param password     its password: from the environment only
     * @param recordingDir Asterisk's recording directory: ARI serves only files under it, named without extension
     * @param timeout      connect and request timeout
     */
    public record Ari(URI baseUrl, String username, String password, String recordingDir, Duration timeout) {

        public Ari {
            require(baseUrl != null && baseUrl.getScheme() != null, "ingest.ari.base-url", "must be an absolute http(s) URL");
            require(username != null && !username.isBlank(), "ingest.ari.username", "is required");
            require(password != null, "ingest.ari.password", "is required (from the environment)");
            require(recordingDir != null && recordingDir.startsWith("/"), "ingest.ari.recording-dir", "must be an absolute path");
            requirePositive(timeout, "ingest.ari.timeout");
        }

        @Override
        public String toString() {
            return "Ari[baseUrl=" + baseUrl + ", username=" + username + ", password=***, recordingDir="
                    + recordingDir + ", timeout=" + timeout + "]";
        }
    }

    /**
     * @param bitrate           Opus target bit rate, bit/s
     * @param sampleRate        encoder sample rate (8000, 12000, 16000, 24000, 48000) or 0 to keep the source's when Opus allows it
     * @param complexity        libopus complexity 0..10: lower is faster, higher sounds better at the same bit rate
     * @param durationTolerance how far the decoded copy's length may be from the source's before it is refused
     */
    public record Transcode(int bitrate, int sampleRate, int complexity, Duration durationTolerance) {

        public Transcode {
            require(bitrate >= 6000 && bitrate <= 510000, "transcode.bitrate", "must be 6000..510000");
            require(sampleRate == 0 || sampleRate == 8000 || sampleRate == 12000 || sampleRate == 16000
                    || sampleRate == 24000 || sampleRate == 48000, "transcode.sample-rate", "must be 0 or an Opus rate");
            require(complexity >= 0 && complexity <= 10, "transcode.complexity", "must be 0..10");
            requirePositive(durationTolerance, "transcode.duration-tolerance");
        }

        public static Transcode defaults() {
            return new Transcode(16000, 0, 5, Duration.ofMillis(250));
        }
    }

    /**
     * @param archiveRoot  where recordings live: {@code yyyy/MM/dd/HH/<sha256>.opus}, plus {@code quarantine/}
     * @param minFreeBytes    free space to leave on the archive's file system; below it ingest waits and retries
     * @param requireAbsolute the directories must be absolute, existing and writable at start-up (null: true);
     *                        off only for demonstrations and tests, which keep them under the working directory
     */
    public record Storage(Path archiveRoot, long minFreeBytes, Boolean requireAbsolute) {

        public Storage {
            require(archiveRoot != null, "storage.archive-root", "is required");
            require(minFreeBytes >= 0, "storage.min-free-bytes", "must not be negative");
        }

        /** Whether start-up refuses relative, missing or unwritable directories. */
        public boolean directoriesChecked() {
            return requireAbsolute == null || requireAbsolute;
        }
    }

    /**
     * @param defaultClass  the retention class of a recording ingested without one
     * @param grace         a recording is purged only this long after it expired
     * @param maxClockStep  one purge run deletes against at most this much later than the previous run's time
     * @param maxClockSkew  the purge refuses to run when the application's and the database's clocks differ more
     * @param batchSize     recordings deleted per class per database round trip
     * @param purgeInterval how often the scheduled purge runs (zero: never; the application schedules it)
     */
    public record Retention(String defaultClass, Duration grace, Duration maxClockStep,
                            Duration maxClockSkew, int batchSize, Duration purgeInterval) {

        public Retention {
            require(defaultClass != null && !defaultClass.isBlank(), "retention.default-class", "is required");
            requirePositive(grace, "retention.grace");
            requirePositive(maxClockStep, "retention.max-clock-step");
            // A forward jump is absorbed only if a run never deletes against more than
            // the previous run's time + step, and the step is inside the grace.
            require(grace.compareTo(maxClockStep) >= 0, "retention.grace", "must be at least max-clock-step");
            requirePositive(maxClockSkew, "retention.max-clock-skew");
            require(batchSize >= 1, "retention.batch-size", "must be at least 1");
            require(purgeInterval != null && !purgeInterval.isNegative(), "retention.purge-interval", "must not be negative");
        }

        public static Retention defaults() {
            return new Retention("audio", Duration.ofDays(3), Duration.ofDays(2), Duration.ofMinutes(5), 500,
                    Duration.ofDays(1));
        }
    }

    /**
     * @param interval  how often every archived file is re-hashed (zero: never; the application schedules it)
     * @param batchSize recordings read per database round trip
     */
    public record Integrity(Duration interval, int batchSize) {

        public Integrity {
            require(interval != null && !interval.isNegative(), "integrity.interval", "must not be negative");
            require(batchSize >= 1, "integrity.batch-size", "must be at least 1");
        }

        public static Integrity defaults() {
            return new Integrity(Duration.ofDays(1), 500);
        }
    }

    private static void requirePositive(Duration value, String key) {
        require(value != null && !value.isNegative() && !value.isZero(), key, "must be a positive duration");
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(P + key + " " + problem);
        }
    }

    @Override
    public String toString() {
        return "RecorderProperties[" + Objects.toString(ingest) + ", " + transcode + ", " + storage + ", "
                + retention + ", " + integrity + "]";
    }
}
