package kz.line102.recorder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.recorder.ingest.RecordingSource;
import kz.line102.recorder.ingest.SpoolDirectorySource;
import kz.line102.recorder.storage.ArchiveStore;

/**
 * A recorder on a clean database, a spool directory and an archive under a test's temp
 * directory, with a clock the test moves (starting at the real time: the purge compares
 * it with the database's).
 */
public final class Harness implements AutoCloseable {

    public final Path spool;
    public final Path archive;
    public final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final RecorderProperties props;
    public final ArchiveStore store;
    public final RecordingService service;
    /** The monotonic clock the purge trusts: it moves only when the test moves it. */
    public final AtomicLong nanos = new AtomicLong();
    /** How swept files find their calls (none by default). */
    public volatile CallResolver calls = CallResolver.NONE;

    public Harness(Path dir) throws IOException {
        this(dir, p -> p, null, null);
    }

    /**
     * @param configure changes to the default configuration
     * @param source    a source to use instead of the spool directory, or null
     * @param store     an archive to use instead of the plain one, or null
     */
    public Harness(Path dir, UnaryOperator<RecorderProperties> configure, RecordingSource source,
                   ArchiveStore store) throws IOException {
        TestDatabase.clean();
        this.spool = dir.resolve("spool");
        this.archive = dir.resolve("archive");
        java.nio.file.Files.createDirectories(spool);
        this.props = configure.apply(RecorderProperties.defaults(archive, spool));
        this.store = store != null ? store : new ArchiveStore(props.storage());
        this.service = new RecordingService(props, TestDatabase.get(), clock, meters,
                source != null ? source : new SpoolDirectorySource(spool), this.store,
                new CallResolver() {
                    @Override
                    public java.util.Optional<Call> find(String uniqueId) {
                        return calls.find(uniqueId);
                    }

                    @Override
                    public String orphanCallId(String fileName, String uniqueId) {
                        return calls.orphanCallId(fileName, uniqueId);
                    }
                }, nanos::get);
    }

    /** Puts the fixture in the spool as the PBX would and returns the name the PBX reports. */
    public String spoolFixture(String fileName) throws IOException {
        Fixtures.spool(spool, fileName);
        return "/var/spool/asterisk/monitor/" + fileName;
    }

    @Override
    public void close() {
        service.close();
    }
}
